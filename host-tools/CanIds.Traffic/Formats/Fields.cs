using System;
using System.Text;

namespace CanIds.Traffic.Formats
{
    /// <summary>Parsers for the ASCII fields of text logs; each failure names the field and quotes what it found.</summary>
    internal static class Fields
    {
        /// <summary>The next field before <paramref name="separator"/> (or the rest); false when nothing is left.</summary>
        public static bool Next(ref ReadOnlySpan<byte> rest, byte separator, out ReadOnlySpan<byte> field)
        {
            if (rest.IsEmpty)
            {
                field = default;
                return false;
            }

            int at = rest.IndexOf(separator);
            if (at < 0)
            {
                field = rest;
                rest = default;
            }
            else
            {
                field = rest[..at];
                rest = rest[(at + 1)..];
            }

            return true;
        }

        /// <summary>The next run of non-blank bytes; empty when only blanks are left.</summary>
        public static ReadOnlySpan<byte> Token(ref ReadOnlySpan<byte> rest)
        {
            int start = 0;
            while (start < rest.Length && IsBlank(rest[start])) start++;
            int end = start;
            while (end < rest.Length && !IsBlank(rest[end])) end++;
            var token = rest[start..end];
            rest = rest[end..];
            return token;
        }

        public static bool IsBlank(byte b) => b == (byte)' ' || b == (byte)'\t';

        public static bool IsBlankLine(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;

        /// <summary>1..<paramref name="maxDigits"/> hex digits.</summary>
        public static uint Hex(ReadOnlySpan<byte> text, string field, int maxDigits)
        {
            if (text.IsEmpty || text.Length > maxDigits) throw new FieldException(field, $"expected 1..{maxDigits} hex digits, found {Show(text)}");
            uint value = 0;
            foreach (byte c in text)
            {
                int digit = HexDigit(c);
                if (digit < 0) throw new FieldException(field, $"expected hex digits, found {Show(text)}");
                value = (value << 4) | (uint)digit;
            }

            return value;
        }

        /// <summary>A payload byte: 1 or 2 hex digits.</summary>
        public static byte HexByte(ReadOnlySpan<byte> text, string field)
        {
            if (text.Length == 2)
            {
                int hi = HexDigit(text[0]), lo = HexDigit(text[1]);
                if ((hi | lo) >= 0) return (byte)((hi << 4) | lo);
            }
            throw new FieldException(field, $"expected a hex byte as two digits (00..FF), found {Show(text)}");
        }

        /// <summary>A non-negative decimal integer in [min, max].</summary>
        public static int Decimal(ReadOnlySpan<byte> text, string field, int min, int max)
        {
            if (text.IsEmpty || text.Length > 10) throw new FieldException(field, $"expected a decimal number {min}..{max}, found {Show(text)}");
            long value = 0;
            foreach (byte c in text)
            {
                if (c < (byte)'0' || c > (byte)'9') throw new FieldException(field, $"expected a decimal number {min}..{max}, found {Show(text)}");
                value = value * 10 + (c - '0');
            }

            if (value < min || value > max) throw new FieldException(field, $"expected {min}..{max}, found {Show(text)}");
            return (int)value;
        }

        /// <summary>Seconds with up to 9 decimals ("1478198376.389427"), as microseconds (truncated).</summary>
        public static long TimestampUs(ReadOnlySpan<byte> text, string field)
        {
            int dot = text.IndexOf((byte)'.');
            var whole = dot < 0 ? text : text[..dot];
            var fraction = dot < 0 ? default : text[(dot + 1)..];
            if (whole.IsEmpty || whole.Length > 12 || fraction.Length > 9 || (dot >= 0 && fraction.IsEmpty))
                throw new FieldException(field, $"expected seconds with up to 9 decimals, found {Show(text)}");
            long seconds = 0, micros = 0;
            foreach (byte c in whole)
            {
                if (c < (byte)'0' || c > (byte)'9') throw new FieldException(field, $"expected seconds with up to 9 decimals, found {Show(text)}");
                seconds = seconds * 10 + (c - '0');
            }

            for (int i = 0; i < 6; i++)
            {
                int digit = 0;
                if (i < fraction.Length)
                {
                    byte c = fraction[i];
                    if (c < (byte)'0' || c > (byte)'9') throw new FieldException(field, $"expected seconds with up to 9 decimals, found {Show(text)}");
                    digit = c - '0';
                }

                micros = micros * 10 + digit;
            }

            for (int i = 6; i < fraction.Length; i++)
            {
                if (fraction[i] < (byte)'0' || fraction[i] > (byte)'9') throw new FieldException(field, $"expected seconds with up to 9 decimals, found {Show(text)}");
            }

            return seconds * 1_000_000 + micros;
        }

        /// <summary>A field's text for an error message: quoted, non-printable bytes escaped, long text cut.</summary>
        public static string Show(ReadOnlySpan<byte> text)
        {
            if (text.IsEmpty) return "nothing";
            var sb = new StringBuilder("\"");
            foreach (byte b in text[..Math.Min(text.Length, 40)])
            {
                if (b >= 0x20 && b < 0x7F) sb.Append((char)b);
                else sb.Append($"\\x{b:X2}");
            }

            if (text.Length > 40) sb.Append("…");
            return sb.Append('"').ToString();
        }

        private static int HexDigit(byte c) => c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}

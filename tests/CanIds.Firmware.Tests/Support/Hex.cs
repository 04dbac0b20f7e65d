using System;

namespace CanIds.Firmware.Tests.Support
{
    /// <summary>Hex strings in test vectors, for tests that run on nanoFramework too.</summary>
    public static class Hex
    {
        /// <summary>The bytes of <paramref name="hex"/> (spaces allowed).</summary>
        public static byte[] Parse(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] != ' ') digits++;
            }

            byte[] bytes = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ') continue;
                int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (v < 0) throw new ArgumentException("not hex: " + c);
                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    bytes[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            return bytes;
        }

        /// <summary>ASCII bytes of a test string.</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            return bytes;
        }

        /// <summary>True when both arrays hold the same bytes.</summary>
        public static bool Same(byte[] a, byte[] b, int offsetB)
        {
            if (offsetB + a.Length > b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[offsetB + i]) return false;
            }

            return true;
        }
    }
}

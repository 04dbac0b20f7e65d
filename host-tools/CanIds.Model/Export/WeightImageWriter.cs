using System;
using System.IO;
using System.Linq;
using CanIds.Core.Image;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using CanIds.Traffic.Files;

namespace CanIds.Model.Export
{
    /// <summary>Writes signed weight images (format: <see cref="WeightImage"/>, docs/weight-image.md).</summary>
    public static class WeightImageWriter
    {
        /// <summary>Shortest device key accepted: 128 bits.</summary>
        public const int MinKeyBytes = 16;

        /// <summary>Longest device key the firmware stores (its PROVISION takes 16..64 bytes).</summary>
        public const int MaxKeyBytes = 64;

        /// <summary>
        /// The image of <paramref name="model"/> packed for the family <paramref name="hardware"/> (padded when smaller),
        /// tagged with <paramref name="key"/>. The header's window and layers are the family's: what the FPGA runs.
        /// </summary>
        public static byte[] Build(IntegerModel model, HardwareConfig hardware, byte[] key, DateTimeOffset? created = null)
        {
            if (key.Length < MinKeyBytes || key.Length > MaxKeyBytes) throw new ArgumentException($"the device key is {key.Length} bytes; the device takes {MinKeyBytes}..{MaxKeyBytes} (32 recommended)");
            var payload = MemoryLayout.Payload(model, hardware);
            var shapes = hardware.Layers.Select(l => new LayerShape(l.Inputs, l.Outputs, l.Pe, l.Simd, l.WeightBits, l.ActivationBits)).ToArray();
            uint seconds = (uint)(created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
            return WeightImage.Build(hardware.ConfigId, model.InputFormatVersion, hardware.WindowFrames, shapes, model.Classes.ToArray(), model.Provenance.Name, model.Identifiers, seconds, payload, key);
        }

        /// <summary>
        /// Reads a device key file: hex digits (whitespace allowed), or raw binary. A file of printable text is read as hex
        /// and must be hex throughout, so a typo is an error rather than a different key; either way the key must be what
        /// the device accepts, <see cref="MinKeyBytes"/>..<see cref="MaxKeyBytes"/> bytes.
        /// </summary>
        /// <exception cref="ArgumentException">The file holds no usable key; the message names it and what is wrong.</exception>
        public static byte[] ReadKey(string path)
        {
            CommandInputs.Add(path);
            var raw = File.ReadAllBytes(path);
            byte[] key;
            if (raw.Length > 0 && raw.All(b => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                var text = System.Text.Encoding.ASCII.GetString(raw);
                if (text.Any(c => !Uri.IsHexDigit(c) && !char.IsWhiteSpace(c)))
                {
                    int at = text.ToList().FindIndex(c => !Uri.IsHexDigit(c) && !char.IsWhiteSpace(c));
                    throw new ArgumentException($"{path}: '{text[at]}' at character {at + 1} is not a hex digit (a text key file is hex digits only)");
                }

                var hex = new string(text.Where(Uri.IsHexDigit).ToArray());
                if (hex.Length % 2 != 0) throw new ArgumentException($"{path}: the key has an odd number of hex digits ({hex.Length})");
                key = Convert.FromHexString(hex);
            }
            else
            {
                key = raw;
            }

            if (key.Length < MinKeyBytes || key.Length > MaxKeyBytes)
                throw new ArgumentException($"{path}: the key is {key.Length} bytes; the device takes {MinKeyBytes}..{MaxKeyBytes} (32 recommended)");
            return key;
        }
    }
}

using System;
using System.IO;
using System.Linq;
using CanIds.Core.Image;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;

namespace CanIds.Model.Export
{
    /// <summary>Writes signed weight images (format: <see cref="WeightImage"/>, docs/weight-image.md).</summary>
    public static class WeightImageWriter
    {
        /// <summary>Shortest device key accepted: 128 bits.</summary>
        public const int MinKeyBytes = 16;

        /// <summary>
        /// The image of <paramref name="model"/> packed for the family <paramref name="hardware"/> (padded when smaller),
        /// tagged with <paramref name="key"/>. The header's window and layers are the family's: what the FPGA runs.
        /// </summary>
        public static byte[] Build(IntegerModel model, HardwareConfig hardware, byte[] key, DateTimeOffset? created = null)
        {
            if (key.Length < MinKeyBytes) throw new ArgumentException($"the device key is {key.Length} bytes; at least {MinKeyBytes} are required (32 recommended)");
            var payload = MemoryLayout.Payload(model, hardware);
            var shapes = hardware.Layers.Select(l => new LayerShape(l.Inputs, l.Outputs, l.Pe, l.Simd, l.WeightBits, l.ActivationBits)).ToArray();
            uint seconds = (uint)(created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
            return WeightImage.Build(hardware.ConfigId, model.InputFormatVersion, hardware.WindowFrames, shapes, model.Classes.ToArray(), model.Provenance.Name, seconds, payload, key);
        }

        /// <summary>
        /// Reads a device key file: 64 hex digits (optionally with whitespace), or raw binary of 16+ bytes.
        /// </summary>
        /// <exception cref="ArgumentException">The file holds no usable key; the message names it.</exception>
        public static byte[] ReadKey(string path)
        {
            var raw = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetString(raw).Trim();
            byte[] key;
            if (text.Length > 0 && text.All(c => Uri.IsHexDigit(c) || char.IsWhiteSpace(c)))
            {
                var hex = new string(text.Where(Uri.IsHexDigit).ToArray());
                if (hex.Length % 2 != 0) throw new ArgumentException($"{path}: the key has an odd number of hex digits ({hex.Length})");
                key = Convert.FromHexString(hex);
            }
            else
            {
                key = raw;
            }

            if (key.Length < MinKeyBytes) throw new ArgumentException($"{path}: the key is {key.Length} bytes; at least {MinKeyBytes} are required (32 recommended)");
            return key;
        }
    }
}

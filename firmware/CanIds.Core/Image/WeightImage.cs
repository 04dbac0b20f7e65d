using System;
using CanIds.Core.Crypto;

namespace CanIds.Core.Image
{
    /// <summary>
    /// The weight image (format version 3): one file holding a model's weights, thresholds and class count packed as
    /// the FPGA's memories want them, a header describing it and the identifier rule the MCU applies beside the
    /// network, a CRC-32 and an HMAC-SHA256 tag. All integers are big-endian.
    /// docs/weight-image.md is the user's description; this class is the definition, used by the host to write and
    /// by the firmware to check.
    /// </summary>
    /// <remarks>
    /// <code>
    /// offset  size  field
    ///  0      4     magic "CIMG"
    ///  4      1     format version (3)
    ///  5      1     model input format version
    ///  6      2     header length H (bytes before the payload)
    ///  8      4     hardware config id (CRC-32 of the accelerator family's descriptor; must match the FPGA's)
    /// 12      4     payload length P
    /// 16      4     model id: CRC-32 of the payload (the FPGA's commit checks it)
    /// 20      4     created, Unix seconds
    /// 24      1     window frames N of the family (1..64; a shorter model's window is padded)
    /// 25      1     layer count L
    /// 26      1     class count C
    /// 27      1     reserved (0)
    /// 28      8·L   per layer of the family: inputs(2) outputs(2) PE(1) SIMD(1) weight bits(1) activation bits(1)
    ///  …      …     C class names, then the model name: each a length byte and printable ASCII bytes
    ///  …      1     foreign class F: the class of a frame the network calls benign on an unknown identifier; 0 = no rule
    ///  …      2     known identifier words K (0 when F is 0)
    ///  …      2·K   the known identifier words, strictly ascending
    ///  H      P     payload: per layer its weight-memory words, then its threshold-memory words; last, C (1)
    ///  H+P    4     CRC-32 of bytes [0, H+P)
    ///  H+P+4  32    HMAC-SHA256 of bytes [0, H+P+4) with the device key
    /// </code>
    /// </remarks>
    public sealed class WeightImage
    {
        /// <summary>Format version this code reads and writes.</summary>
        public const int FormatVersion = 3;

        /// <summary>Bytes before the layer table.</summary>
        public const int FixedHeaderLength = 28;

        /// <summary>Bytes after the payload: CRC-32 and tag.</summary>
        public const int TrailerLength = 4 + HmacSha256.TagLength;

        /// <summary>Largest image the firmware accepts.</summary>
        public const int MaxImageLength = 256 * 1024;

        private static readonly byte[] Magic = { (byte)'C', (byte)'I', (byte)'M', (byte)'G' };

        private WeightImage()
        {
        }

        /// <summary>Model input format version the model was trained on.</summary>
        public int InputFormatVersion { get; private set; }

        /// <summary>Header length H: the payload starts here.</summary>
        public int HeaderLength { get; private set; }

        /// <summary>The accelerator layout the payload is packed for.</summary>
        public uint HardwareConfigId { get; private set; }

        /// <summary>Payload length P.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>CRC-32 of the payload: the model's identity, and what the FPGA's commit checks.</summary>
        public uint ModelId { get; private set; }

        /// <summary>When the image was made, Unix seconds.</summary>
        public uint CreatedUnixSeconds { get; private set; }

        /// <summary>Frames per window.</summary>
        public int WindowFrames { get; private set; }

        /// <summary>Layers, input to output.</summary>
        public LayerShape[] Layers { get; private set; }

        /// <summary>Class names, in output order.</summary>
        public string[] Classes { get; private set; }

        /// <summary>The model's name.</summary>
        public string Name { get; private set; }

        /// <summary>The identifier rule the MCU applies beside the network; null when the image has none.</summary>
        public KnownIdentifiers Identifiers { get; private set; }

        /// <summary>Total image length: H + P + 36.</summary>
        public int TotalLength
        {
            get { return HeaderLength + PayloadLength + TrailerLength; }
        }

        /// <summary>
        /// Builds a signed image around <paramref name="payload"/>. The host's writer; kept here so that one class
        /// defines the format both ways.
        /// </summary>
        public static byte[] Build(uint hardwareConfigId, int inputFormatVersion, int windowFrames, LayerShape[] layers, string[] classes, string name, KnownIdentifiers identifiers, uint createdUnixSeconds, byte[] payload, byte[] key)
        {
            int[] words = identifiers == null ? new int[0] : identifiers.Words();
            if (identifiers != null && identifiers.ForeignClass >= classes.Length) throw new ArgumentException("the foreign class is not one of the classes");
            if (layers.Length < 1 || layers.Length > 255) throw new ArgumentException("1..255 layers");
            if (classes.Length < 2 || classes.Length > 255) throw new ArgumentException("2..255 classes");
            if (windowFrames < 1 || windowFrames > InputFormat.MaxWindowFrames) throw new ArgumentException("1.." + InputFormat.MaxWindowFrames + " window frames");
            if (payload.Length < 1 || payload[payload.Length - 1] != classes.Length) throw new ArgumentException("the payload's last byte must be the class count");
            int header = FixedHeaderLength + 8 * layers.Length + 1 + NameLength(name) + 3 + 2 * words.Length;
            for (int c = 0; c < classes.Length; c++) header += 1 + NameLength(classes[c]);
            if (header > 0xFFFF) throw new ArgumentException("header longer than 65,535 bytes");
            byte[] image = new byte[header + payload.Length + TrailerLength];
            Array.Copy(Magic, 0, image, 0, 4);
            image[4] = FormatVersion;
            image[5] = (byte)inputFormatVersion;
            BigEndian.PutU16(image, 6, header);
            BigEndian.PutU32(image, 8, hardwareConfigId);
            BigEndian.PutU32(image, 12, (uint)payload.Length);
            BigEndian.PutU32(image, 16, Crc32.Compute(payload, 0, payload.Length));
            BigEndian.PutU32(image, 20, createdUnixSeconds);
            image[24] = (byte)windowFrames;
            image[25] = (byte)layers.Length;
            image[26] = (byte)classes.Length;
            int p = FixedHeaderLength;
            for (int l = 0; l < layers.Length; l++)
            {
                LayerShape s = layers[l];
                BigEndian.PutU16(image, p, s.Inputs);
                BigEndian.PutU16(image, p + 2, s.Outputs);
                image[p + 4] = (byte)s.Pe;
                image[p + 5] = (byte)s.Simd;
                image[p + 6] = (byte)s.WeightBits;
                image[p + 7] = (byte)s.ActivationBits;
                p += 8;
            }

            for (int c = 0; c < classes.Length; c++) p = PutName(image, p, classes[c]);
            p = PutName(image, p, name);
            image[p] = (byte)(identifiers == null ? 0 : identifiers.ForeignClass);
            BigEndian.PutU16(image, p + 1, words.Length);
            p += 3;
            for (int i = 0; i < words.Length; i++)
            {
                BigEndian.PutU16(image, p, words[i]);
                p += 2;
            }

            Array.Copy(payload, 0, image, p, payload.Length);
            p += payload.Length;
            BigEndian.PutU32(image, p, Crc32.Compute(image, 0, p));
            HmacSha256 mac = new HmacSha256(key);
            mac.Update(image, 0, p + 4);
            mac.Final(image, p + 4);
            return image;
        }

        /// <summary>
        /// Reads and checks the header of <paramref name="length"/> image bytes, then the CRC-32; the tag is checked
        /// by <see cref="Authenticate"/>. Throws <see cref="ImageFormatException"/> naming the field at fault.
        /// </summary>
        public static WeightImage Parse(byte[] image, int length)
        {
            if (length < FixedHeaderLength + TrailerLength) throw new ImageFormatException("length", "image of " + length + " bytes is shorter than the smallest image (" + (FixedHeaderLength + TrailerLength) + ")");
            for (int i = 0; i < 4; i++)
            {
                if (image[i] != Magic[i]) throw new ImageFormatException("magic", "not a weight image (expected \"CIMG\")");
            }

            if (image[4] != FormatVersion) throw new ImageFormatException("version", "format version " + image[4] + " is not supported (expected " + FormatVersion + ")");
            WeightImage result = new WeightImage();
            result.InputFormatVersion = image[5];
            result.HeaderLength = BigEndian.GetU16(image, 6);
            result.HardwareConfigId = BigEndian.GetU32(image, 8);
            uint payload = BigEndian.GetU32(image, 12);
            result.ModelId = BigEndian.GetU32(image, 16);
            result.CreatedUnixSeconds = BigEndian.GetU32(image, 20);
            result.WindowFrames = image[24];
            int layers = image[25];
            int classes = image[26];
            if (payload > MaxImageLength) throw new ImageFormatException("payload length", payload + " bytes exceeds the largest image (" + MaxImageLength + ")");
            result.PayloadLength = (int)payload;
            if (result.TotalLength != length) throw new ImageFormatException("length", "header says " + result.TotalLength + " bytes (header " + result.HeaderLength + " + payload " + payload + " + 36), image has " + length + " (truncated or padded?)");
            if (layers < 1) throw new ImageFormatException("layer count", "no layers");
            if (classes < 2) throw new ImageFormatException("class count", classes + " classes; a model has at least 2");
            if (result.WindowFrames < 1 || result.WindowFrames > InputFormat.MaxWindowFrames) throw new ImageFormatException("window frames", result.WindowFrames + " frames; a window holds 1.." + InputFormat.MaxWindowFrames);

            int p = FixedHeaderLength;
            result.Layers = new LayerShape[layers];
            for (int l = 0; l < layers; l++)
            {
                if (p + 8 > result.HeaderLength) throw new ImageFormatException("header length", "the layer table runs past the header");
                result.Layers[l] = new LayerShape(BigEndian.GetU16(image, p), BigEndian.GetU16(image, p + 2), image[p + 4], image[p + 5], image[p + 6], image[p + 7]);
                p += 8;
            }

            result.Classes = new string[classes];
            for (int c = 0; c < classes; c++)
            {
                result.Classes[c] = GetName(image, ref p, result.HeaderLength, "class name");
            }

            result.Name = GetName(image, ref p, result.HeaderLength, "model name");
            result.Identifiers = GetIdentifiers(image, ref p, result.HeaderLength, classes);
            if (p != result.HeaderLength) throw new ImageFormatException("header length", "header fields end at " + p + ", header length says " + result.HeaderLength);

            int end = result.HeaderLength + result.PayloadLength;
            if (BigEndian.GetU32(image, end) != Crc32.Compute(image, 0, end)) throw new ImageFormatException("crc32", "the image is corrupted (CRC-32 mismatch)");
            if (Crc32.Compute(image, result.HeaderLength, result.PayloadLength) != result.ModelId) throw new ImageFormatException("model id", "the payload's CRC-32 differs from the model id");
            if (result.PayloadLength < 1 || image[end - 1] != classes) throw new ImageFormatException("class count", "the payload's last byte (the class count the FPGA uses) is not the header's " + classes);
            return result;
        }

        /// <summary>True when the image's tag is the HMAC-SHA256 of its bytes under <paramref name="key"/>.</summary>
        public bool Authenticate(byte[] image, byte[] key)
        {
            int signed = HeaderLength + PayloadLength + 4;
            HmacSha256 mac = new HmacSha256(key);
            mac.Update(image, 0, signed);
            byte[] tag = new byte[HmacSha256.TagLength];
            mac.Final(tag, 0);
            return HmacSha256.TagsEqual(tag, image, signed);
        }

        /// <summary>Parses, checks the CRC and the tag; throws <see cref="ImageFormatException"/> ("tag" for a wrong key or a forged image).</summary>
        public static WeightImage Verify(byte[] image, int length, byte[] key)
        {
            WeightImage parsed = Parse(image, length);
            if (!parsed.Authenticate(image, key)) throw new ImageFormatException("tag", "the HMAC-SHA256 tag does not verify: wrong key, or not made by a holder of the key");
            return parsed;
        }

        // Names are printable ASCII (nanoFramework's mscorlib has no text encodings, and none is needed for class names).
        private static int NameLength(string name)
        {
            if (name.Length > 255) throw new ArgumentException("name longer than 255 characters: " + name);
            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] < ' ' || name[i] > '~') throw new ArgumentException("names must be printable ASCII: " + name);
            }

            return name.Length;
        }

        private static int PutName(byte[] image, int p, string name)
        {
            image[p] = (byte)name.Length;
            for (int i = 0; i < name.Length; i++) image[p + 1 + i] = (byte)name[i];
            return p + 1 + name.Length;
        }

        private static KnownIdentifiers GetIdentifiers(byte[] image, ref int p, int limit, int classes)
        {
            if (p + 3 > limit) throw new ImageFormatException("foreign class", "runs past the header");
            int foreign = image[p];
            int count = BigEndian.GetU16(image, p + 1);
            p += 3;
            if (foreign == 0)
            {
                if (count != 0) throw new ImageFormatException("known identifiers", count + " words without a foreign class (0 means no rule, and then no words)");
                return null;
            }

            if (foreign >= classes) throw new ImageFormatException("foreign class", "class " + foreign + " is not one of the " + classes + " classes");
            if (p + 2 * count > limit) throw new ImageFormatException("known identifiers", count + " words run past the header");
            KnownIdentifiers table = new KnownIdentifiers(foreign);
            int last = -1;
            for (int i = 0; i < count; i++)
            {
                int word = BigEndian.GetU16(image, p);
                if (word <= last) throw new ImageFormatException("known identifiers", "word " + i + " (0x" + word.ToString("X4") + ") is not above the one before: words must be strictly ascending");
                table.Add(word);
                last = word;
                p += 2;
            }

            return table;
        }

        private static string GetName(byte[] image, ref int p, int limit, string field)
        {
            if (p + 1 > limit || p + 1 + image[p] > limit) throw new ImageFormatException(field, "runs past the header");
            int n = image[p];
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                byte b = image[p + 1 + i];
                if (b < 0x20 || b > 0x7E) throw new ImageFormatException(field, "holds a byte that is not printable ASCII (0x" + b.ToString("X2") + ")");
                chars[i] = (char)b;
            }

            p += 1 + n;
            return new string(chars);
        }
    }
}

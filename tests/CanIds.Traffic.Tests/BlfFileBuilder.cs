using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace CanIds.Traffic.Tests
{
    /// <summary>
    /// Builds BLF files byte by byte from the format's public descriptions (python-can's blf.py, Toby Lorenz's
    /// vector_blf), independently of the product's writer: chosen object types, header versions, timestamp units,
    /// padding, and container boundaries anywhere, even inside an object header.
    /// </summary>
    internal sealed class BlfFileBuilder
    {
        private readonly MemoryStream _objects = new();
        private readonly DateTime _start;

        public BlfFileBuilder(DateTime start) => _start = start;

        /// <summary>The start time's instant in Unix µs (what the file's SYSTEMTIME holds).</summary>
        public long StartUs => (_start - DateTime.UnixEpoch).Ticks / 10;

        /// <summary>Bytes of objects so far (where a container boundary can go).</summary>
        public int Length => (int)_objects.Length;

        /// <summary>Appends one object: header version 1 (32 bytes) or 2 (40), then the body, then padding.</summary>
        public BlfFileBuilder Object(uint type, byte[] body, ulong timestamp, uint flags = 2, int headerVersion = 1, bool alignTo4 = false)
        {
            int headerSize = headerVersion == 2 ? 40 : 32;
            var header = new byte[headerSize];
            "LOBJ"u8.CopyTo(header);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), (ushort)headerSize);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), (ushort)headerVersion);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)(headerSize + body.Length));
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), type);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), flags);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(24), timestamp);
            _objects.Write(header);
            _objects.Write(body);
            int size = headerSize + body.Length;
            int padding = alignTo4 ? (4 - size % 4) % 4 : size % 4; // python-can pads size % 4; 4-byte alignment also occurs
            _objects.Write(new byte[padding]);
            return this;
        }

        /// <summary>CAN_MESSAGE (1) or CAN_MESSAGE2 (86) body.</summary>
        public static byte[] Classic(ushort channel, byte flags, byte dlc, uint id, byte[] data, bool message2 = false)
        {
            var b = new byte[message2 ? 24 : 16];
            BinaryPrimitives.WriteUInt16LittleEndian(b, channel);
            b[2] = flags;
            b[3] = dlc;
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), id);
            data.CopyTo(b, 8);
            return b;
        }

        /// <summary>CAN_FD_MESSAGE (100) body: 84 bytes as python-can writes it, 88 with vector_blf's trailing reserved word.</summary>
        public static byte[] Fd(ushort channel, byte flags, byte dlc, uint id, byte fdFlags, byte valid, byte[] data, bool trailingReserved = false)
        {
            var b = new byte[trailingReserved ? 88 : 84];
            BinaryPrimitives.WriteUInt16LittleEndian(b, channel);
            b[2] = flags;
            b[3] = dlc;
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), id);
            b[13] = fdFlags;
            b[14] = valid;
            data.CopyTo(b, 20);
            return b;
        }

        /// <summary>CAN_FD_MESSAGE_64 (101) body: 40 bytes of fields, then the valid data bytes.</summary>
        public static byte[] Fd64(byte channel, byte dlc, byte valid, uint id, uint flags, byte direction, byte[] data)
        {
            var b = new byte[40 + data.Length];
            b[0] = channel;
            b[1] = dlc;
            b[2] = valid;
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), id);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), flags);
            b[34] = direction;
            data.CopyTo(b, 40);
            return b;
        }

        /// <summary>The file, its objects cut into containers at <paramref name="cuts"/> (offsets into the object bytes).</summary>
        public byte[] Build(IEnumerable<int> cuts, bool compress = true)
        {
            var all = _objects.ToArray();
            var file = new MemoryStream();
            var header = new byte[144];
            "LOGG"u8.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 144);
            ushort[] time = [(ushort)_start.Year, (ushort)_start.Month, (ushort)_start.DayOfWeek, (ushort)_start.Day, (ushort)_start.Hour, (ushort)_start.Minute, (ushort)_start.Second, (ushort)_start.Millisecond];
            for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(40 + 2 * i), time[i]);
            file.Write(header);
            int from = 0;
            var points = new List<int>(cuts) { all.Length };
            points.Sort();
            foreach (int to in points)
            {
                if (to <= from || to > all.Length) continue;
                Container(file, all.AsSpan(from, to - from), compress);
                from = to;
            }

            return file.ToArray();
        }

        private static void Container(Stream file, ReadOnlySpan<byte> data, bool compress)
        {
            byte[] payload;
            if (compress)
            {
                var z = new MemoryStream();
                using (var zlib = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(data);
                payload = z.ToArray();
            }
            else
            {
                payload = data.ToArray();
            }

            var header = new byte[32];
            "LOBJ"u8.CopyTo(header);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 16);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 1);
            int size = 32 + payload.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)size);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), 10);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(16), (ushort)(compress ? 2 : 0));
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)data.Length);
            file.Write(header);
            file.Write(payload);
            file.Write(new byte[size % 4]);
        }
    }
}

using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace CanIds.Traffic.Formats
{
    internal static partial class VectorBlf
    {
        /// <summary>
        /// Writes BLF: classic frames as CAN_MESSAGE, CAN FD frames as CAN_FD_MESSAGE (the object types every BLF reader
        /// knows), nanosecond timestamps from the first frame's millisecond, in zlib containers of 128 KiB; objects
        /// continue across containers as Vector's own writer lets them. The file header (sizes, object count, start and
        /// stop time) is filled in at the end, so the output must be a regular file.
        /// </summary>
        internal sealed class Writer(string path, WriteOptions options) : CanLogWriter(path, options)
        {
            private readonly byte[] _container = new byte[MaxContainerBytes];
            private readonly byte[] _object = new byte[HeaderV1Size + 84];
            private int _used;
            private long _originUs;
            private long _lastUs;
            private long _objects;
            private long _uncompressed = FileHeaderSize;
            private AsciiWriter? _output;

            public override LogFormat Format => LogFormat.VectorBlf;

            private protected override bool KeepsLen8Dlc => true;

            private protected override void WriteHeader(AsciiWriter output, in CanRecord first)
            {
                _output = output;
                _originUs = first.HasTimestamp ? OriginFor(first.TimestampUs) : 0;
                _lastUs = _originUs;
                output.Bytes(new byte[FileHeaderSize]); // filled in by Finish
            }

            private protected override void WriteRecord(AsciiWriter output, in CanRecord record)
            {
                RequireTimestamp(record);
                long offset = record.TimestampUs - _originUs;
                if (offset < 0) throw Unsupported("its timestamp is earlier than the first frame's; BLF times count from the file's start");
                _lastUs = Math.Max(_lastUs, record.TimestampUs);
                var obj = _object.AsSpan();
                obj.Clear();
                int body = record.IsFd ? 84 : 16;
                int size = HeaderV1Size + body;
                Signature.CopyTo(obj);
                BinaryPrimitives.WriteUInt16LittleEndian(obj[4..], HeaderV1Size);
                BinaryPrimitives.WriteUInt16LittleEndian(obj[6..], 1);
                BinaryPrimitives.WriteUInt32LittleEndian(obj[8..], (uint)size);
                BinaryPrimitives.WriteUInt32LittleEndian(obj[12..], record.IsFd ? CanFdMessage : CanMessage);
                BinaryPrimitives.WriteUInt32LittleEndian(obj[16..], TimeOneNanos);
                BinaryPrimitives.WriteUInt64LittleEndian(obj[24..], (ulong)offset * 1000);
                var b = obj[HeaderV1Size..];
                BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(record.Channel + 1));
                b[2] = (byte)(((record.Flags & CanRecordFlags.Transmitted) != 0 ? DirectionTx : 0) | (record.IsRemote ? RemoteFlag : 0));
                BinaryPrimitives.WriteUInt32LittleEndian(b[4..], record.Id | (record.IsExtended ? ExtendedIdFlag : 0));
                ReadOnlySpan<byte> data = record.Data;
                int length = record.IsRemote ? 0 : record.Length;
                if (record.IsFd)
                {
                    b[3] = (byte)CanFd.DlcOf(record.Length);
                    b[13] = (byte)(FdEdl | ((record.Flags & CanRecordFlags.BitRateSwitch) != 0 ? FdBrs : 0) | ((record.Flags & CanRecordFlags.ErrorStateIndicator) != 0 ? FdEsi : 0));
                    b[14] = record.Length;
                    data[..length].CopyTo(b[20..]);
                }
                else
                {
                    b[3] = record.ClassicDlc;
                    data[..length].CopyTo(b[8..]);
                }

                Append(obj[..size]);
                _objects++;
            }

            // Objects go into the container buffer; a full buffer is written out, and an object may straddle two.
            private void Append(ReadOnlySpan<byte> bytes)
            {
                while (!bytes.IsEmpty)
                {
                    int n = Math.Min(bytes.Length, _container.Length - _used);
                    bytes[..n].CopyTo(_container.AsSpan(_used));
                    _used += n;
                    bytes = bytes[n..];
                    if (_used == _container.Length) FlushContainer();
                }
            }

            private void FlushContainer()
            {
                if (_used == 0) return;
                var compressed = new MemoryStream();
                using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(_container, 0, _used);
                int size = BaseHeaderSize + ContainerHeaderSize + (int)compressed.Length;
                Span<byte> header = stackalloc byte[BaseHeaderSize + ContainerHeaderSize];
                header.Clear();
                Signature.CopyTo(header);
                BinaryPrimitives.WriteUInt16LittleEndian(header[4..], BaseHeaderSize);
                BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 1);
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)size);
                BinaryPrimitives.WriteUInt32LittleEndian(header[12..], LogContainer);
                BinaryPrimitives.WriteUInt16LittleEndian(header[16..], ZlibDeflate);
                BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)_used);
                _output!.Bytes(header);
                _output.Bytes(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
                _output.Bytes(new byte[size % 4]); // padding, as Vector's tools and python-can write it
                _uncompressed += _used + BaseHeaderSize + ContainerHeaderSize;
                _used = 0;
            }

            private protected override void WriteFooter(AsciiWriter output) => FlushContainer();

            private protected override void Finish(FileStream stream)
            {
                if (!stream.CanSeek) throw new IOException($"{Path}: BLF's file header is completed after the last frame, so a BLF log must be written to a regular file, not a pipe or device");
                Span<byte> header = stackalloc byte[FileHeaderSize];
                header.Clear();
                "LOGG"u8.CopyTo(header);
                BinaryPrimitives.WriteUInt32LittleEndian(header[4..], FileHeaderSize);
                header[8] = 0;  // application: unknown
                header[12] = 4; // BLF format version 4.x, as current Vector tools write
                BinaryPrimitives.WriteUInt64LittleEndian(header[16..], (ulong)stream.Length);
                BinaryPrimitives.WriteUInt64LittleEndian(header[24..], (ulong)_uncompressed);
                BinaryPrimitives.WriteUInt32LittleEndian(header[32..], (uint)Math.Min(_objects, uint.MaxValue));
                ToSystemTime(_originUs, header[40..]);
                ToSystemTime(_originUs == 0 ? 0 : _lastUs, header[56..]);
                stream.Position = 0;
                stream.Write(header);
                stream.Flush();
            }
        }
    }
}

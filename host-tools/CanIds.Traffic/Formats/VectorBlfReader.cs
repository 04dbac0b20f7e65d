using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace CanIds.Traffic.Formats
{
    internal static partial class VectorBlf
    {
        /// <summary>
        /// Streams a BLF file's frames: one log container in memory at a time (plus the part of an object that continues
        /// into the next), whatever the file's size.
        /// </summary>
        internal sealed class Reader : CanLogReader
        {
            private readonly Stream _file;
            private readonly long _originUs;
            private readonly byte[] _header = new byte[BaseHeaderSize + ContainerHeaderSize];
            private byte[] _data = new byte[2 * MaxContainerBytes];
            private byte[] _body = new byte[MaxContainerBytes]; // the compressed container being read
            private int _pos;            // the next object in _data
            private int _end;            // bytes of _data in use
            private long _fileOffset;    // bytes of the file consumed
            private long _containerAt;   // file offset of the container the next object came from
            private long _objects;       // objects read inside containers

            public Reader(string path, Stream stream, ReadOptions options)
                : base(path, options)
            {
                _file = new BufferedStream(stream, 1 << 16);
                Span<byte> head = stackalloc byte[FileHeaderSize];
                int n = _file.ReadAtLeast(head[..8], 8, throwOnEndOfStream: false);
                if (n < 8 || !head[..4].SequenceEqual("LOGG"u8))
                    throw new CanLogFormatException(path, 0, "file header", $"expected a BLF file starting with \"LOGG\", found {Fields.Show(head[..Math.Min(n, 4)])}");
                uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
                if (headerSize < 72 || headerSize > 4096) throw new CanLogFormatException(path, 0, "file header", $"header size {headerSize}: expected 72..4096 bytes (144 as Vector writes it)");
                var rest = new byte[headerSize - 8];
                if (_file.ReadAtLeast(rest, rest.Length, throwOnEndOfStream: false) < rest.Length)
                    throw new CanLogFormatException(path, 0, "file header", $"the file ends inside its {headerSize}-byte header");
                _originUs = FromSystemTime(rest.AsSpan(40 - 8, 16));
                _fileOffset = headerSize;
            }

            public override LogFormat Format => LogFormat.VectorBlf;

            public override long BytesRead => _fileOffset;

            private protected override Item ReadItem(ref CanRecord record)
            {
                while (true)
                {
                    int at = FindObject();
                    if (at >= 0 && _end - at >= BaseHeaderSize)
                    {
                        uint size = BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(at + 8));
                        ushort headerSize = BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(at + 4));
                        if (size < BaseHeaderSize || size > MaxObjectBytes || headerSize < BaseHeaderSize || headerSize > size)
                            throw Broken($"object {_objects + 1:N0} has size {size} and header size {headerSize}: expected 16 <= header <= size <= {MaxObjectBytes}");
                        if (_end - at >= size)
                        {
                            _pos = at + (int)size;
                            _objects++;
                            return ParseObject(_data.AsSpan(at, (int)size), headerSize, ref record);
                        }
                    }

                    if (!NextContainer())
                    {
                        if (_end - _pos > 3 && _data.AsSpan(_pos, _end - _pos).IndexOfAnyExcept((byte)0) >= 0)
                            throw Broken($"the file ends inside object {_objects + 1:N0} ({_end - _pos} of its bytes present): truncated file?");
                        return Item.End;
                    }
                }
            }

            // The offset of the next object's signature in _data, after up to 7 zero bytes of padding; -1 when the data
            // ends first (the rest may come in the next container). Anything else there is corruption.
            private int FindObject()
            {
                int at = _pos;
                while (at < _end && at - _pos < 8 && _data[at] == 0) at++;
                int available = _end - at;
                if (available >= Signature.Length)
                {
                    if (at - _pos < 8 && _data.AsSpan(at, Signature.Length).SequenceEqual(Signature)) return at;
                    throw Broken($"expected object {_objects + 1:N0} (\"LOBJ\") at byte {_pos} of the container's data, found {Fields.Show(_data.AsSpan(_pos, Math.Min(_end - _pos, 12)))}");
                }

                if (Signature.StartsWith(_data.AsSpan(at, available))) return -1;
                throw Broken($"expected object {_objects + 1:N0} (\"LOBJ\") at byte {_pos} of the container's data, found {Fields.Show(_data.AsSpan(_pos, _end - _pos))}");
            }

            // Reads the next log container into _data after what is left of the previous one. False at the end of the file.
            private bool NextContainer()
            {
                while (true)
                {
                    long at = _fileOffset;
                    int n = ReadPadded(_header.AsSpan(0, BaseHeaderSize));
                    if (n == 0) return false;
                    if (n < BaseHeaderSize) throw BrokenAt(at, $"the file ends inside an object header ({n} of 16 bytes): truncated file?");
                    if (!_header.AsSpan(0, 4).SequenceEqual(Signature)) throw BrokenAt(at, $"expected an object (\"LOBJ\"), found {Fields.Show(_header.AsSpan(0, 4))}");
                    uint size = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(8));
                    uint type = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(12));
                    if (size < BaseHeaderSize || size > MaxObjectBytes) throw BrokenAt(at, $"object size {size}: expected 16..{MaxObjectBytes}");
                    int length = (int)size - BaseHeaderSize;
                    if (_body.Length < length) _body = new byte[length];
                    var body = _body;
                    if (_file.ReadAtLeast(body.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
                        throw BrokenAt(at, $"the file ends inside a {size}-byte object: truncated file?");
                    _fileOffset += size;
                    if (type != LogContainer)
                    {
                        Summary.OtherLines++; // an object outside any container: not a frame we know to be one
                        continue;
                    }

                    if (length < ContainerHeaderSize) throw BrokenAt(at, $"a log container of {size} bytes has no room for its 16-byte header");
                    ushort method = BinaryPrimitives.ReadUInt16LittleEndian(body);
                    uint uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(8));
                    if (uncompressed > MaxObjectBytes) throw BrokenAt(at, $"a log container of {uncompressed:N0} bytes uncompressed: expected at most {MaxObjectBytes:N0}");
                    Compact((int)uncompressed);
                    var payload = body.AsSpan(ContainerHeaderSize, length - ContainerHeaderSize);
                    if (method == NoCompression)
                    {
                        if (payload.Length < uncompressed) throw BrokenAt(at, $"an uncompressed container says {uncompressed} bytes and holds {payload.Length}");
                        payload[..(int)uncompressed].CopyTo(_data.AsSpan(_end));
                    }
                    else if (method == ZlibDeflate)
                    {
                        Inflate(body, ContainerHeaderSize, length - ContainerHeaderSize, (int)uncompressed, at);
                    }
                    else
                    {
                        throw BrokenAt(at, $"compression method {method}: expected 0 (none) or 2 (zlib)");
                    }

                    _end += (int)uncompressed;
                    _containerAt = at;
                    return true;
                }
            }

            // Reads a top-level object header, skipping the padding that may precede it (zero bytes).
            private int ReadPadded(Span<byte> header)
            {
                int n = _file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
                int skipped = 0;
                while (n > 0 && header[0] == 0 && skipped < 7)
                {
                    header[1..n].CopyTo(header);
                    n--;
                    skipped++;
                    n += _file.ReadAtLeast(header[n..], header.Length - n, throwOnEndOfStream: false);
                }

                _fileOffset += skipped;
                return n;
            }

            private void Inflate(byte[] body, int offset, int count, int uncompressed, long at)
            {
                try
                {
                    using var zlib = new ZLibStream(new MemoryStream(body, offset, count), CompressionMode.Decompress);
                    int got = zlib.ReadAtLeast(_data.AsSpan(_end, uncompressed), uncompressed, throwOnEndOfStream: false);
                    if (got < uncompressed) throw BrokenAt(at, $"a log container inflates to {got:N0} bytes, its header says {uncompressed:N0}");
                }
                catch (InvalidDataException e)
                {
                    throw BrokenAt(at, $"a log container's zlib data is damaged ({e.Message})");
                }
            }

            // Moves what is left of the previous container to the front, and makes room for the next.
            private void Compact(int incoming)
            {
                int left = _end - _pos;
                if (left + incoming > _data.Length)
                {
                    var bigger = new byte[left + incoming];
                    _data.AsSpan(_pos, left).CopyTo(bigger);
                    _data = bigger;
                }
                else
                {
                    _data.AsSpan(_pos, left).CopyTo(_data);
                }

                _pos = 0;
                _end = left;
            }

            private Item ParseObject(ReadOnlySpan<byte> obj, int headerSize, ref CanRecord record)
            {
                ushort version = BinaryPrimitives.ReadUInt16LittleEndian(obj[6..]);
                uint type = BinaryPrimitives.ReadUInt32LittleEndian(obj[12..]);
                if (version is not (1 or 2)) return Item.Other; // an object header this reader does not know: skipped, counted
                if (headerSize < (version == 1 ? HeaderV1Size : HeaderV1Size + 8)) throw Malformed("object header", $"version {version} needs {(version == 1 ? 32 : 40)} bytes, header size is {headerSize}");
                uint flags = BinaryPrimitives.ReadUInt32LittleEndian(obj[16..]);
                ulong stamp = BinaryPrimitives.ReadUInt64LittleEndian(obj[24..]);
                var body = obj[headerSize..];
                switch (type)
                {
                    case CanMessage or CanMessage2:
                        Need(body, 16, type);
                        ReadClassic(body, ref record);
                        break;
                    case CanFdMessage:
                        Need(body, 84, type);
                        ReadFd(body, ref record);
                        break;
                    case CanFdMessage64:
                        Need(body, 40, type);
                        ReadFd64(body, ref record);
                        break;
                    case CanError or CanErrorExt or CanFdErrorFrame64:
                        return Item.ErrorFrame;
                    default:
                        return Item.Other;
                }

                if (stamp > long.MaxValue / 100) throw Malformed("timestamp", $"{stamp} is beyond any date");
                long micros = flags == TimeTenMicros ? (long)stamp * 10 : (long)(stamp / 1000);
                record.TimestampUs = _originUs + micros;
                return Item.Frame;
            }

            private static void Need(ReadOnlySpan<byte> body, int bytes, uint type)
            {
                if (body.Length < bytes) throw Malformed(Name(type), $"{body.Length} bytes after the header; the object needs {bytes}");
            }

            // CAN_MESSAGE(2): channel u16, flags u8, dlc u8, id u32, data[8] (CAN_MESSAGE2 adds frame length and bit count).
            private static void ReadClassic(ReadOnlySpan<byte> body, ref CanRecord record)
            {
                record.Channel = Channel(BinaryPrimitives.ReadUInt16LittleEndian(body));
                byte flags = body[2];
                int dlc = body[3];
                SetId(BinaryPrimitives.ReadUInt32LittleEndian(body[4..]), ref record);
                if ((flags & DirectionTx) != 0) record.Flags |= CanRecordFlags.Transmitted;
                if (dlc > 15) throw Malformed("DLC", $"expected 0..15, found {dlc}");
                if ((flags & RemoteFlag) != 0)
                {
                    record.Flags |= CanRecordFlags.Remote;
                    record.Length = (byte)Math.Min(dlc, 8);
                    return;
                }

                record.SetClassicDlc(dlc);
                body.Slice(8, record.Length).CopyTo(record.Data);
            }

            // CAN_FD_MESSAGE: channel u16, flags u8, dlc u8, id u32, frame length u32, bit count u8, FD flags u8,
            // valid data bytes u8, reserved[5], data[64].
            private static void ReadFd(ReadOnlySpan<byte> body, ref CanRecord record)
            {
                record.Channel = Channel(BinaryPrimitives.ReadUInt16LittleEndian(body));
                byte flags = body[2];
                int dlc = body[3];
                SetId(BinaryPrimitives.ReadUInt32LittleEndian(body[4..]), ref record);
                byte fdFlags = body[13];
                int valid = body[14];
                if ((flags & DirectionTx) != 0) record.Flags |= CanRecordFlags.Transmitted;
                SetFdPayload(dlc, valid, (flags & RemoteFlag) != 0, (fdFlags & FdEdl) != 0, (fdFlags & FdBrs) != 0, (fdFlags & FdEsi) != 0, body.Slice(20, 64), ref record);
            }

            // CAN_FD_MESSAGE_64: channel u8, dlc u8, valid u8, tx count u8, id u32, frame length u32, flags u32,
            // 5 × u32 bit timing and offsets, bit count u16, direction u8, ext data offset u8, crc u32, data[valid].
            private static void ReadFd64(ReadOnlySpan<byte> body, ref CanRecord record)
            {
                record.Channel = Channel(body[0]);
                int dlc = body[1];
                int valid = body[2];
                SetId(BinaryPrimitives.ReadUInt32LittleEndian(body[4..]), ref record);
                uint flags = BinaryPrimitives.ReadUInt32LittleEndian(body[12..]);
                if (body[34] != 0) record.Flags |= CanRecordFlags.Transmitted;
                if (valid > 64) throw Malformed("valid data bytes", $"expected 0..64, found {valid}");
                if (body.Length < 40 + valid) throw Malformed(Name(CanFdMessage64), $"{body.Length - 40} data bytes present, {valid} valid");
                SetFdPayload(dlc, valid, (flags & Fd64Remote) != 0, (flags & Fd64Edl) != 0, (flags & Fd64Brs) != 0, (flags & Fd64Esi) != 0, body.Slice(40, valid), ref record);
            }

            private static void SetFdPayload(int dlc, int valid, bool remote, bool edl, bool brs, bool esi, ReadOnlySpan<byte> data, ref CanRecord record)
            {
                if (dlc > 15 && !edl) throw Malformed("DLC", $"expected 0..15, found {dlc}");
                if (remote)
                {
                    if (edl) throw Malformed("flags", "a remote frame marked CAN FD (EDL); CAN FD has no remote frames");
                    record.Flags |= CanRecordFlags.Remote;
                    record.Length = (byte)Math.Min(dlc, 8);
                    return;
                }

                if (edl)
                {
                    // The valid byte count is the length (older python-can wrote the length in the DLC field too).
                    if (CanFd.DlcOf(valid) < 0) throw Malformed("valid data bytes", $"{valid} bytes is not a CAN FD length ({CanFd.LengthList})");
                    record.Flags |= CanRecordFlags.Fd | (brs ? CanRecordFlags.BitRateSwitch : 0) | (esi ? CanRecordFlags.ErrorStateIndicator : 0);
                    record.Length = (byte)valid;
                }
                else
                {
                    // A classic frame logged in an FD object (an FD-capable channel).
                    if (valid > 8 || valid != Math.Min(dlc, 8)) throw Malformed("valid data bytes", $"a classic frame (no EDL) with DLC {dlc} carries {Math.Min(dlc, 8)} bytes, the object says {valid}");
                    record.SetClassicDlc(dlc);
                }

                data[..record.Length].CopyTo(record.Data);
            }

            private static void SetId(uint raw, ref CanRecord record)
            {
                uint id = raw & ~ExtendedIdFlag;
                if ((raw & ExtendedIdFlag) != 0)
                {
                    if (id > CanIds.Core.CanFrame.MaxExtendedId) throw Malformed("CAN ID", $"extended ID 0x{id:X} is beyond 0x1FFFFFFF");
                    record.Flags |= CanRecordFlags.Extended;
                }
                else if (id > CanIds.Core.CanFrame.MaxStandardId)
                {
                    throw Malformed("CAN ID", $"standard ID 0x{id:X} is beyond 0x7FF (extended IDs carry bit 31)");
                }

                record.Id = id;
            }

            private static byte Channel(int channel) => (byte)Math.Clamp(channel - 1, 0, 255); // BLF channels count from 1

            private static string Name(uint type) => type switch
            {
                CanMessage => "CAN_MESSAGE",
                CanMessage2 => "CAN_MESSAGE2",
                CanFdMessage => "CAN_FD_MESSAGE",
                CanFdMessage64 => "CAN_FD_MESSAGE_64",
                _ => $"object type {type}",
            };

            private protected override CanLogFormatException Locate(FieldException error) =>
                new(Path, 0, error.Field, $"{error.Message} (object {_objects:N0}, in the log container at byte {_containerAt:N0})");

            private CanLogFormatException Broken(string problem) => new(Path, 0, "structure", $"{problem} (log container at byte {_containerAt:N0})");

            private CanLogFormatException BrokenAt(long at, string problem) => new(Path, 0, "structure", $"{problem} (at byte {at:N0})");

            protected override void Dispose(bool disposing)
            {
                if (disposing) _file.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}

using System;
using System.Buffers.Binary;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Vector's binary logging format (BLF), as CANoe, CANalyzer and python-can write it (docs/traffic.md has the
    /// layout). A 144-byte file header ("LOGG", start time as a SYSTEMTIME) is followed by log containers ("LOBJ" objects
    /// of type 10), each holding up to 128 KiB of zlib-compressed objects; an object may continue in the next container.
    /// Frames are CAN_MESSAGE (1), CAN_MESSAGE2 (86), CAN_FD_MESSAGE (100) and CAN_FD_MESSAGE_64 (101) objects; error
    /// frames (2, 73, 104) are counted as bus events; other objects are counted and skipped. Object timestamps count
    /// from the file's start time, in nanoseconds or 10 µs units; the start time is read as UTC.
    /// </summary>
    internal static partial class VectorBlf
    {
        internal const int FileHeaderSize = 144;
        internal const int BaseHeaderSize = 16;
        internal const int HeaderV1Size = 32;
        internal const int ContainerHeaderSize = 16;  // after the base header: method, reserved, uncompressed size, reserved
        internal const int MaxContainerBytes = 128 * 1024;
        internal const int MaxObjectBytes = 16 << 20;  // larger objects are taken for corruption

        internal const uint CanMessage = 1;
        internal const uint CanError = 2;
        internal const uint LogContainer = 10;
        internal const uint CanErrorExt = 73;
        internal const uint CanMessage2 = 86;
        internal const uint CanFdMessage = 100;
        internal const uint CanFdMessage64 = 101;
        internal const uint CanFdErrorFrame64 = 104;

        internal const ushort NoCompression = 0;
        internal const ushort ZlibDeflate = 2;

        internal const uint ExtendedIdFlag = 0x80000000;
        internal const byte DirectionTx = 0x01;    // CAN_MESSAGE flags
        internal const byte RemoteFlag = 0x80;
        internal const byte FdEdl = 0x01;          // CAN_FD_MESSAGE canFdFlags
        internal const byte FdBrs = 0x02;
        internal const byte FdEsi = 0x04;
        internal const uint Fd64Remote = 0x0010;   // CAN_FD_MESSAGE_64 flags
        internal const uint Fd64Edl = 0x1000;
        internal const uint Fd64Brs = 0x2000;
        internal const uint Fd64Esi = 0x4000;
        internal const uint TimeTenMicros = 1;     // object header flags: timestamp units
        internal const uint TimeOneNanos = 2;

        private static ReadOnlySpan<byte> Signature => "LOBJ"u8;

        // 1990-01-01: earlier start times are taken as "no date" (python-can writes zeros then), as are invalid ones.
        private const long EarliestDateUs = 631_152_000_000_000;

        /// <summary>A SYSTEMTIME (8 little-endian u16: year, month, weekday, day, hour, minute, second, ms) as Unix µs (UTC); 0 when it is no date.</summary>
        internal static long FromSystemTime(ReadOnlySpan<byte> bytes)
        {
            Span<int> f = stackalloc int[8];
            for (int i = 0; i < 8; i++) f[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]);
            try
            {
                var at = new DateTime(f[0], f[1], f[3], f[4], f[5], f[6], f[7], DateTimeKind.Utc);
                long us = (at - DateTime.UnixEpoch).Ticks / 10;
                return us >= EarliestDateUs ? us : 0;
            }
            catch (ArgumentOutOfRangeException)
            {
                return 0;
            }
        }

        /// <summary>Unix µs as a SYSTEMTIME (to the millisecond, truncated); zeros before 1990 (a relative log).</summary>
        internal static void ToSystemTime(long us, Span<byte> bytes)
        {
            bytes[..16].Clear();
            if (us < EarliestDateUs) return;
            var at = DateTime.UnixEpoch.AddTicks(us * 10);
            ushort[] fields = [(ushort)at.Year, (ushort)at.Month, (ushort)at.DayOfWeek, (ushort)at.Day, (ushort)at.Hour, (ushort)at.Minute, (ushort)at.Second, (ushort)at.Millisecond];
            for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes[(2 * i)..], fields[i]);
        }

        /// <summary>The start time a log whose first frame is at <paramref name="firstUs"/> gets (what a SYSTEMTIME holds of it).</summary>
        internal static long OriginFor(long firstUs) => firstUs < EarliestDateUs ? 0 : firstUs - firstUs % 1000;
    }
}

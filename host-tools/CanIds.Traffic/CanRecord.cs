using System;
using System.Runtime.CompilerServices;

namespace CanIds.Traffic
{
    /// <summary>Kinds and attributes of a logged frame.</summary>
    [Flags]
    public enum CanRecordFlags : byte
    {
        /// <summary>A classic data frame with an 11-bit ID, received.</summary>
        None = 0,
        /// <summary>29-bit identifier.</summary>
        Extended = 1,
        /// <summary>Remote transmission request (no payload; <see cref="CanRecord.Length"/> is the requested DLC).</summary>
        Remote = 2,
        /// <summary>CAN FD frame (up to 64 bytes).</summary>
        Fd = 4,
        /// <summary>CAN FD bit-rate switch.</summary>
        BitRateSwitch = 8,
        /// <summary>CAN FD error state indicator.</summary>
        ErrorStateIndicator = 16,
        /// <summary>Sent by the logging node (Tx) rather than received (Rx).</summary>
        Transmitted = 32,
    }

    /// <summary>Up to 64 payload bytes stored inline, so a record is one allocation-free value.</summary>
    [InlineArray(64)]
    public struct Payload64
    {
        private byte _first;
    }

    /// <summary>
    /// One frame of a CAN log, as every reader produces and every writer consumes: a value type, so streaming
    /// millions of them allocates nothing.
    /// </summary>
    public struct CanRecord
    {
        /// <summary>Marks a record whose log has no timestamps (e.g. the decimal CSV).</summary>
        public const long NoTimestamp = long.MinValue;

        /// <summary>Microseconds (Unix epoch for absolute logs, since start for relative ones), or <see cref="NoTimestamp"/>.</summary>
        public long TimestampUs;

        /// <summary>The identifier (11 or 29 bits, see <see cref="CanRecordFlags.Extended"/>).</summary>
        public uint Id;

        /// <summary>Frame kind and attributes.</summary>
        public CanRecordFlags Flags;

        /// <summary>Payload bytes (0..8 classic, 0..64 FD); the requested DLC for a remote frame.</summary>
        public byte Length;

        /// <summary>Bus channel, 0-based (candump can0 ↔ ASC channel 1).</summary>
        public byte Channel;

        /// <summary>
        /// A classic data frame's DLC when it was 9..15 on the wire (ISO 11898-1 lets those mean 8 bytes; Linux calls it
        /// len8_dlc), else 0. <see cref="Length"/> is then 8. Kept by candump, ASC, TRC 2.x and BLF; the other formats
        /// refuse such a frame rather than change it.
        /// </summary>
        public byte Len8Dlc;

        /// <summary>A classic frame's DLC as on the wire: <see cref="Len8Dlc"/> when set, else <see cref="Length"/>.</summary>
        public readonly byte ClassicDlc => Len8Dlc != 0 ? Len8Dlc : Length;

        /// <summary>
        /// Sets <see cref="Length"/> and <see cref="Len8Dlc"/> from a classic data frame's DLC 0..15 (ISO 11898-1: 9..15
        /// carry 8 bytes).
        /// </summary>
        public void SetClassicDlc(int dlc)
        {
            Length = (byte)Math.Min(dlc, 8);
            Len8Dlc = dlc > 8 ? (byte)dlc : (byte)0;
        }

        /// <summary>Class name (e.g. "Benign", "DoS"), or null when the log carries no labels.</summary>
        public string? Label;

        /// <summary>The payload; bytes at and beyond <see cref="Length"/> are zero.</summary>
        public Payload64 Data;

        /// <summary>True for a 29-bit identifier.</summary>
        public readonly bool IsExtended => (Flags & CanRecordFlags.Extended) != 0;

        /// <summary>True for a remote frame.</summary>
        public readonly bool IsRemote => (Flags & CanRecordFlags.Remote) != 0;

        /// <summary>True for a CAN FD frame.</summary>
        public readonly bool IsFd => (Flags & CanRecordFlags.Fd) != 0;

        /// <summary>True when the log has a timestamp for this frame.</summary>
        public readonly bool HasTimestamp => TimestampUs != NoTimestamp;

        /// <summary>A classic data frame with a payload of up to 8 bytes.</summary>
        public static CanRecord Classic(long timestampUs, uint id, bool extended, ReadOnlySpan<byte> payload, string? label = null)
        {
            if (payload.Length > 8) throw new ArgumentException("a classic CAN frame carries at most 8 bytes", nameof(payload));
            var record = new CanRecord
            {
                TimestampUs = timestampUs,
                Id = id,
                Flags = extended ? CanRecordFlags.Extended : CanRecordFlags.None,
                Length = (byte)payload.Length,
                Label = label,
            };
            payload.CopyTo(record.Data);
            return record;
        }

        /// <summary>Zeroes the payload bytes at and beyond <see cref="Length"/> (the invariant every reader keeps).</summary>
        public void ClearPayloadTail()
        {
            Span<byte> data = Data;
            data[(IsRemote ? 0 : Length)..].Clear();
        }

        /// <summary>Fills the shared-core frame the model input is made from.</summary>
        /// <exception cref="NotSupportedException">A CAN FD frame: input format v1 covers classic CAN only.</exception>
        public readonly void CopyTo(CanIds.Core.CanFrame frame)
        {
            if (IsFd) throw new NotSupportedException($"CAN FD frame 0x{Id:X} cannot be encoded: model input format v{CanIds.Core.InputFormat.Version} covers classic CAN only");
            // CanFrame.Set takes an array (the core is nanoFramework code): reuse one per thread, allocate nothing per frame.
            var scratch = _scratch ??= new byte[8];
            ((ReadOnlySpan<byte>)Data)[..8].CopyTo(scratch);
            frame.Set(Id, IsExtended, IsRemote, scratch, 0, IsRemote ? 0 : Length);
        }

        [ThreadStatic] private static byte[]? _scratch;
    }
}

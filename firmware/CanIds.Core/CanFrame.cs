using System;

namespace CanIds.Core
{
    /// <summary>
    /// One classic CAN 2.0 frame as every part of the product sees it. Mutable on purpose: the firmware's
    /// receive path reuses one instance per frame instead of allocating.
    /// </summary>
    public sealed class CanFrame
    {
        /// <summary>Largest 11-bit (standard) identifier.</summary>
        public const uint MaxStandardId = 0x7FF;

        /// <summary>Largest 29-bit (extended) identifier.</summary>
        public const uint MaxExtendedId = 0x1FFFFFFF;

        /// <summary>Payload bytes of a classic CAN frame.</summary>
        public const int MaxDataLength = 8;

        /// <summary>The identifier: 11 bits when <see cref="IsExtended"/> is false, 29 bits when true.</summary>
        public uint Id;

        /// <summary>True for a 29-bit identifier (IDE bit set).</summary>
        public bool IsExtended;

        /// <summary>True for a remote transmission request; such a frame carries no payload.</summary>
        public bool IsRemote;

        /// <summary>
        /// Data length code 0..8. Host-side logs know it; the MCU does not (the nanoFramework driver always hands
        /// over 8 bytes), which is why the model input format never uses it.
        /// </summary>
        public int Dlc;

        /// <summary>Always 8 bytes; bytes at and beyond <see cref="Dlc"/> are zero.</summary>
        public readonly byte[] Data = new byte[MaxDataLength];

        /// <summary>
        /// Sets every field. <paramref name="length"/> payload bytes are copied from <paramref name="data"/> at
        /// <paramref name="offset"/>; the rest of <see cref="Data"/> is zeroed. Remote frames keep a zero payload
        /// whatever their DLC.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The identifier does not fit its format or the length is not 0..8.</exception>
        public void Set(uint id, bool extended, bool remote, byte[] data, int offset, int length)
        {
            if (id > (extended ? MaxExtendedId : MaxStandardId))
            {
                throw new ArgumentOutOfRangeException("id", extended ? "extended CAN ID must be at most 0x1FFFFFFF" : "standard CAN ID must be at most 0x7FF");
            }

            if (length < 0 || length > MaxDataLength)
            {
                throw new ArgumentOutOfRangeException("length", "CAN payload length must be 0..8");
            }

            Id = id;
            IsExtended = extended;
            IsRemote = remote;
            Dlc = length;
            Array.Clear(Data, 0, MaxDataLength);
            if (!remote && length > 0)
            {
                Array.Copy(data, offset, Data, 0, length);
            }
        }

        /// <summary>Copies every field of <paramref name="other"/> into this frame.</summary>
        public void CopyFrom(CanFrame other)
        {
            Id = other.Id;
            IsExtended = other.IsExtended;
            IsRemote = other.IsRemote;
            Dlc = other.Dlc;
            Array.Copy(other.Data, Data, MaxDataLength);
        }
    }
}

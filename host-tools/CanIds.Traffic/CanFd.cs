using System;

namespace CanIds.Traffic
{
    /// <summary>CAN FD's data length code (ISO 11898-1): DLC 0..8 are lengths, 9..15 stand for 12..64 bytes.</summary>
    public static class CanFd
    {
        private static readonly byte[] Lengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

        /// <summary>The payload length DLC <paramref name="dlc"/> (0..15) stands for in a CAN FD frame.</summary>
        public static int LengthOf(int dlc) => Lengths[dlc];

        /// <summary>The DLC of a CAN FD payload of <paramref name="length"/> bytes; -1 when no DLC gives that length.</summary>
        public static int DlcOf(int length) => Array.IndexOf(Lengths, (byte)length) is var dlc && length <= 64 ? dlc : -1;

        /// <summary>The lengths a CAN FD frame can have, for messages.</summary>
        public const string LengthList = "0..8, 12, 16, 20, 24, 32, 48, 64";
    }
}

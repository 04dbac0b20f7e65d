namespace CanIds.Core.Link
{
    /// <summary>The FPGA's status block (the response to STATUS): what it is built for, its model, and its counters.</summary>
    public sealed class LinkStatus
    {
        /// <summary>Link protocol version.</summary>
        public int ProtocolVersion;

        /// <summary>Input bytes per window.</summary>
        public int InputLength;

        /// <summary>Classes the accelerator outputs.</summary>
        public int Classes;

        /// <summary>Bytes per verdict record (3, or 3 + 2 × classes with accumulators).</summary>
        public int RecordLength;

        /// <summary>Hardware config id: weight images must carry the same.</summary>
        public uint ConfigId;

        /// <summary>Bytes of a weight image payload.</summary>
        public int ImageBytes;

        /// <summary>The active model's id (CRC-32 of its payload).</summary>
        public uint ModelId;

        /// <summary>The active weight bank.</summary>
        public int ActiveBank;

        /// <summary>True while a load is in progress.</summary>
        public bool Loading;

        /// <summary>Payload bytes accepted by the load in progress.</summary>
        public int LoadOffset;

        /// <summary>Windows accepted since reset.</summary>
        public uint Windows;

        /// <summary>Verdicts produced since reset.</summary>
        public uint Verdicts;

        /// <summary>Transfers rejected for a CRC mismatch.</summary>
        public int CrcErrors;

        /// <summary>PUSH transfers rejected for a full input FIFO.</summary>
        public int FullRejects;

        /// <summary>Commands rejected for an unexpected sequence number.</summary>
        public int SequenceErrors;

        /// <summary>Transfers cut short.</summary>
        public int Truncated;

        /// <summary>Commands rejected for other reasons (length, offset, config, busy, unknown).</summary>
        public int OtherRejects;

        /// <summary>Repeated commands acknowledged without executing them again.</summary>
        public int Duplicates;

        /// <summary>Reads the block at <paramref name="offset"/> of a valid STATUS response.</summary>
        public void Parse(byte[] b, int offset)
        {
            ProtocolVersion = b[offset];
            InputLength = b[offset + 1];
            Classes = b[offset + 2];
            RecordLength = b[offset + 3];
            ConfigId = U32(b, offset + 4);
            ImageBytes = (int)U32(b, offset + 8);
            ModelId = U32(b, offset + 12);
            ActiveBank = b[offset + 16];
            Loading = b[offset + 17] != 0;
            LoadOffset = (int)U32(b, offset + 18);
            Windows = U32(b, offset + 22);
            Verdicts = U32(b, offset + 26);
            CrcErrors = U16(b, offset + 30);
            FullRejects = U16(b, offset + 32);
            SequenceErrors = U16(b, offset + 34);
            Truncated = U16(b, offset + 36);
            OtherRejects = U16(b, offset + 38);
            Duplicates = U16(b, offset + 40);
        }

        private static uint U32(byte[] b, int p)
        {
            return ((uint)b[p] << 24) | ((uint)b[p + 1] << 16) | ((uint)b[p + 2] << 8) | b[p + 3];
        }

        private static int U16(byte[] b, int p)
        {
            return (b[p] << 8) | b[p + 1];
        }
    }
}

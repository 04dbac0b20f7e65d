namespace CanIds.Core.Link
{
    /// <summary>The FPGA's status block (the response to STATUS): what it is built for, its model, and its counters.</summary>
    public sealed class LinkStatus
    {
        /// <summary>Link protocol version.</summary>
        public int ProtocolVersion;

        /// <summary>Frames per window N (the FPGA keeps the last N frame records).</summary>
        public int WindowFrames;

        /// <summary>Model input bytes per window.</summary>
        public int InputLength;

        /// <summary>Most classes the hardware's output layer has.</summary>
        public int MaxClasses;

        /// <summary>Classes of the active model.</summary>
        public int Classes;

        /// <summary>Bytes per verdict record (3, or 3 + 2 × max classes with accumulators).</summary>
        public int RecordLength;

        /// <summary>Build flags (<see cref="LinkProtocol.StatusFlagAllVerdicts"/> ...).</summary>
        public int BuildFlags;

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

        /// <summary>Frames accepted since reset.</summary>
        public uint Frames;

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

        /// <summary>Frame records the input FIFO holds.</summary>
        public int FifoFrames;

        /// <summary>True for a debug build that records every verdict, benign ones included.</summary>
        public bool RecordsAllVerdicts
        {
            get { return (BuildFlags & LinkProtocol.StatusFlagAllVerdicts) != 0; }
        }

        /// <summary>True for a debug build whose records carry the final accumulators.</summary>
        public bool HasAccumulators
        {
            get { return (BuildFlags & LinkProtocol.StatusFlagAccumulators) != 0; }
        }

        /// <summary>Reads the block at <paramref name="offset"/> of a valid STATUS response.</summary>
        public void Parse(byte[] b, int offset)
        {
            ProtocolVersion = b[offset + LinkProtocol.StAtVersion];
            WindowFrames = b[offset + LinkProtocol.StAtWindowFrames];
            InputLength = BigEndian.GetU16(b, offset + LinkProtocol.StAtInputLength);
            MaxClasses = b[offset + LinkProtocol.StAtMaxClasses];
            Classes = b[offset + LinkProtocol.StAtClasses];
            RecordLength = b[offset + LinkProtocol.StAtRecordLength];
            BuildFlags = b[offset + LinkProtocol.StAtBuildFlags];
            ConfigId = BigEndian.GetU32(b, offset + LinkProtocol.StAtConfigId);
            ImageBytes = (int)BigEndian.GetU32(b, offset + LinkProtocol.StAtImageBytes);
            ModelId = BigEndian.GetU32(b, offset + LinkProtocol.StAtModelId);
            ActiveBank = b[offset + LinkProtocol.StAtActiveBank];
            Loading = b[offset + LinkProtocol.StAtLoading] != 0;
            LoadOffset = (int)BigEndian.GetU32(b, offset + LinkProtocol.StAtLoadOffset);
            Frames = BigEndian.GetU32(b, offset + LinkProtocol.StAtFrames);
            Verdicts = BigEndian.GetU32(b, offset + LinkProtocol.StAtVerdicts);
            CrcErrors = BigEndian.GetU16(b, offset + LinkProtocol.StAtCrcErrors);
            FullRejects = BigEndian.GetU16(b, offset + LinkProtocol.StAtFullRejects);
            SequenceErrors = BigEndian.GetU16(b, offset + LinkProtocol.StAtSequenceErrors);
            Truncated = BigEndian.GetU16(b, offset + LinkProtocol.StAtTruncated);
            OtherRejects = BigEndian.GetU16(b, offset + LinkProtocol.StAtOtherRejects);
            Duplicates = BigEndian.GetU16(b, offset + LinkProtocol.StAtDuplicates);
            FifoFrames = BigEndian.GetU16(b, offset + LinkProtocol.StAtFifoFrames);
        }
    }
}

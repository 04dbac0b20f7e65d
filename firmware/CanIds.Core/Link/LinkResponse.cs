namespace CanIds.Core.Link
{
    /// <summary>
    /// One response frame read from MISO, checked (marker, length, CRC). Reused for every transfer: parsing
    /// allocates nothing. Records stay in the receive buffer; <see cref="RecordOffset"/> locates them.
    /// </summary>
    public sealed class LinkResponse
    {
        /// <summary>True when the last <see cref="Parse"/> found an intact response.</summary>
        public bool Valid;

        /// <summary>Why the last response was not valid (for reports).</summary>
        public string Problem;

        /// <summary>Flags (<see cref="LinkProtocol.FlagBank"/> ...).</summary>
        public int Flags;

        /// <summary>Sequence number of the last command the FPGA executed: every earlier command, in order, took effect too.</summary>
        public int LastExecuted;

        /// <summary>Result of the previous transfer's command (<see cref="LinkProtocol.AckOk"/> ...).</summary>
        public int AckCode;

        /// <summary>Frame records the input FIFO can take.</summary>
        public int Free;

        /// <summary>Tag of the newest frame this response covers: every frame up to it without a record is benign.</summary>
        public int Judged;

        /// <summary>Verdict records in this response (or the status block's length for STATUS).</summary>
        public int Count;

        /// <summary>
        /// Checks the response in <paramref name="miso"/> (<paramref name="length"/> bytes clocked), whose records
        /// are <paramref name="recordLength"/> bytes; for a STATUS command pass <paramref name="isStatus"/>.
        /// </summary>
        public bool Parse(byte[] miso, int length, int recordLength, bool isStatus)
        {
            Valid = false;
            if (length < LinkProtocol.ResponseHeaderLength + LinkProtocol.CrcLength || miso[0] != LinkProtocol.ResponseMarker)
            {
                Problem = "no response marker (FPGA not answering?)";
                return false;
            }

            int count = miso[LinkProtocol.RspAtCount];
            int body = isStatus ? count : count * recordLength;
            if (isStatus && count != LinkProtocol.StatusLength)
            {
                Problem = "status block of " + count + " bytes, expected " + LinkProtocol.StatusLength;
                return false;
            }

            int end = LinkProtocol.ResponseHeaderLength + body;
            if (end + LinkProtocol.CrcLength > length)
            {
                Problem = "response of " + (end + LinkProtocol.CrcLength) + " bytes is longer than the transfer";
                return false;
            }

            int crc = Crc16Ccitt.Compute(miso, 0, end);
            if (miso[end] != (byte)(crc >> 8) || miso[end + 1] != (byte)crc)
            {
                Problem = "response CRC mismatch";
                return false;
            }

            Flags = miso[LinkProtocol.RspAtFlags];
            LastExecuted = miso[LinkProtocol.RspAtLastSeq];
            AckCode = miso[LinkProtocol.RspAtAckCode];
            Free = miso[LinkProtocol.RspAtFree];
            Judged = (miso[LinkProtocol.RspAtJudged] << 8) | miso[LinkProtocol.RspAtJudged + 1];
            Count = count;
            Problem = null;
            Valid = true;
            return true;
        }

        /// <summary>Where record <paramref name="index"/> starts in the receive buffer.</summary>
        public static int RecordOffset(int index, int recordLength)
        {
            return LinkProtocol.ResponseHeaderLength + index * recordLength;
        }

        /// <summary>The frame tag of the record at <paramref name="offset"/>.</summary>
        public static int RecordTag(byte[] miso, int offset)
        {
            return (miso[offset] << 8) | miso[offset + 1];
        }

        /// <summary>The class of the record at <paramref name="offset"/>.</summary>
        public static int RecordClass(byte[] miso, int offset)
        {
            return miso[offset + 2] & 0x7F;
        }

        /// <summary>The weight bank that judged the record at <paramref name="offset"/>.</summary>
        public static int RecordBank(byte[] miso, int offset)
        {
            return miso[offset + 2] >> 7;
        }

        /// <summary>Final accumulator <paramref name="cls"/> of a record that carries them (signed 16-bit, debug build).</summary>
        public static int RecordAccumulator(byte[] miso, int offset, int cls)
        {
            int p = offset + LinkProtocol.VerdictRecordLength + 2 * cls;
            return (short)((miso[p] << 8) | miso[p + 1]);
        }
    }
}

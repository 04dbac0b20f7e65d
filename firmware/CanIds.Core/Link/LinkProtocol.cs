namespace CanIds.Core.Link
{
    /// <summary>
    /// The SPI link between the MCU (master) and the FPGA, version 2: command and acknowledgement codes, the framing
    /// of both directions and the status block's layout. docs/spi-link.md is the description; the RTL's constants
    /// (fpga/rtl/link_protocol.vh) are generated from this class (<c>canids export --rtl</c>), and a test fails when the
    /// two differ.
    /// </summary>
    /// <remarks>
    /// One transfer (one chip-select assertion) carries a command on MOSI and, at the same time, a response on MISO:
    /// <code>
    /// MOSI: cmd seq rd ack_hi ack_lo len_hi len_lo payload[len] crc_hi crc_lo
    /// MISO: 0x5A flags last_seq ack_code free judged_hi judged_lo n records[n × R] (or the status block) crc_hi crc_lo
    /// </code>
    /// The MCU pushes frame records (the 10-byte input-format record of each CAN frame); the FPGA keeps the window of
    /// the last N records and tags every frame with its number since RESET (mod 65,536). A response tells the tag of
    /// the newest frame it covers (<c>judged</c>) and lists the attack verdicts among the frames it covers as records
    /// (tag, class): every other frame up to <c>judged</c> is benign. <c>ack</c> returns the <c>judged</c> of the last
    /// response the MCU received, which lets the FPGA drop the records that response carried.
    /// </remarks>
    public static class LinkProtocol
    {
        /// <summary>Protocol version reported in the status block.</summary>
        public const byte Version = 2;

        /// <summary>Fetch verdicts only.</summary>
        public const byte CmdPoll = 0x01;

        /// <summary>Read the status block (in this transfer's response).</summary>
        public const byte CmdStatus = 0x02;

        /// <summary>Frames to judge: payload of k × <see cref="FrameRecordLength"/>-byte frame records.</summary>
        public const byte CmdPush = 0x03;

        /// <summary>Clear the input FIFO, the window, the pipeline, verdicts, counters and tags; keeps the active model.</summary>
        public const byte CmdReset = 0x04;

        /// <summary>Start loading the shadow bank: payload image length (4) and hardware config id (4).</summary>
        public const byte CmdLoadBegin = 0x10;

        /// <summary>Payload bytes: offset (4), then data written at that offset of the image payload.</summary>
        public const byte CmdLoadData = 0x11;

        /// <summary>Switch to the loaded bank if its CRC-32 matches: payload CRC-32 (4).</summary>
        public const byte CmdLoadCommit = 0x12;

        /// <summary>Executed.</summary>
        public const byte AckOk = 0;

        /// <summary>The command's CRC did not match: not executed.</summary>
        public const byte AckCrc = 1;

        /// <summary>The length does not suit the command (e.g. a partial frame record).</summary>
        public const byte AckLength = 2;

        /// <summary>The input FIFO had no room: nothing of the transfer was kept.</summary>
        public const byte AckFull = 3;

        /// <summary>Not the expected sequence number: not executed.</summary>
        public const byte AckSequence = 4;

        /// <summary>Unknown command.</summary>
        public const byte AckUnknown = 5;

        /// <summary>Load data at the wrong offset, or no load in progress.</summary>
        public const byte AckOffset = 6;

        /// <summary>LOAD_COMMIT's CRC-32 differs from the loaded bytes': the old model stays.</summary>
        public const byte AckImageCrc = 7;

        /// <summary>LOAD_COMMIT before the whole image arrived: the old model stays.</summary>
        public const byte AckIncomplete = 8;

        /// <summary>Chip select rose before the frame was complete.</summary>
        public const byte AckTruncated = 9;

        /// <summary>The same sequence number as the last executed command: already done, not repeated.</summary>
        public const byte AckDuplicate = 10;

        /// <summary>Frames in the pipeline still use the shadow bank: retry the load shortly.</summary>
        public const byte AckBusy = 11;

        /// <summary>LOAD_BEGIN's image length or hardware config id is not this FPGA's.</summary>
        public const byte AckConfig = 12;

        /// <summary>No command since reset.</summary>
        public const byte AckNone = 255;

        /// <summary>First byte of every response.</summary>
        public const byte ResponseMarker = 0x5A;

        /// <summary>Command header: cmd, seq, rd, ack (2), len (2).</summary>
        public const int CommandHeaderLength = 7;

        /// <summary>Response header: marker, flags, last_seq, ack_code, free, judged (2), n.</summary>
        public const int ResponseHeaderLength = 8;

        /// <summary>CRC bytes after the payload (both directions).</summary>
        public const int CrcLength = 2;

        /// <summary>Command header: the command code.</summary>
        public const int CmdAtCode = 0;

        /// <summary>Command header: the sequence number.</summary>
        public const int CmdAtSeq = 1;

        /// <summary>Command header: the most attack records wanted in this response.</summary>
        public const int CmdAtRd = 2;

        /// <summary>Command header: ack, the <c>judged</c> tag of the last response received (big-endian).</summary>
        public const int CmdAtAck = 3;

        /// <summary>Command header: payload length (big-endian).</summary>
        public const int CmdAtLength = 5;

        /// <summary><c>last_seq</c> after power-up: the first command is expected with seq 0 (RESET takes any seq).</summary>
        public const byte PowerUpLastSeq = 0xFF;

        /// <summary>LOAD_BEGIN payload: the image payload's length (4), then the hardware config id (4).</summary>
        public const int LoadBeginLength = 8;

        /// <summary>LOAD_DATA payload: the offset of its first byte in the image payload (4), then at least one byte.</summary>
        public const int LoadDataAtBytes = 4;

        /// <summary>LOAD_COMMIT payload: the CRC-32 of the whole image payload (4).</summary>
        public const int LoadCommitLength = 4;

        /// <summary>Most frames a window may hold, on both sides of the link (the FPGA's window builder, the host's models).</summary>
        public const int MaxWindowFrames = InputFormat.MaxWindowFrames;

        /// <summary>Response header: flags.</summary>
        public const int RspAtFlags = 1;

        /// <summary>Response header: sequence number of the last executed command.</summary>
        public const int RspAtLastSeq = 2;

        /// <summary>Response header: the result of the previous transfer's command.</summary>
        public const int RspAtAckCode = 3;

        /// <summary>Response header: frame records the input FIFO can still take (saturating at 255).</summary>
        public const int RspAtFree = 4;

        /// <summary>Response header: tag of the newest frame this response covers (big-endian).</summary>
        public const int RspAtJudged = 5;

        /// <summary>Response header: records in this response (or the status block's length).</summary>
        public const int RspAtCount = 7;

        /// <summary>Bytes of one frame record in a PUSH: the model input format's record of one CAN frame.</summary>
        public const int FrameRecordLength = InputFormat.BytesPerFrame;

        /// <summary>Bytes of a verdict record: tag (2), then bank (bit 7) and class (bits 6..0).</summary>
        public const int VerdictRecordLength = 3;

        /// <summary><c>judged</c> before any frame was judged since RESET (the tag before tag 0).</summary>
        public const int NoneJudged = 0xFFFF;

        /// <summary>Response flag: the active weight bank (0 or 1).</summary>
        public const int FlagBank = 0x01;

        /// <summary>Response flag: a weight load is in progress.</summary>
        public const int FlagLoading = 0x02;

        /// <summary>Response flag: the input FIFO has no room for a frame record.</summary>
        public const int FlagInputFull = 0x04;

        /// <summary>Response flag: verdicts the MCU has not acknowledged are waiting.</summary>
        public const int FlagVerdicts = 0x08;

        /// <summary>Response flag: a command was rejected since the last STATUS.</summary>
        public const int FlagErrors = 0x10;

        /// <summary>Status flag: the build records every verdict, benign ones included (debug build).</summary>
        public const int StatusFlagAllVerdicts = 0x01;

        /// <summary>Status flag: verdict records carry the final layer's accumulators (debug build).</summary>
        public const int StatusFlagAccumulators = 0x02;

        /// <summary>Bytes of the status block.</summary>
        public const int StatusLength = 48;

        /// <summary>Status block: link protocol version (1).</summary>
        public const int StAtVersion = 0;

        /// <summary>Status block: frames per window N (1).</summary>
        public const int StAtWindowFrames = 1;

        /// <summary>Status block: model input bytes per window (2).</summary>
        public const int StAtInputLength = 2;

        /// <summary>Status block: most classes the hardware's output layer has (1).</summary>
        public const int StAtMaxClasses = 4;

        /// <summary>Status block: classes of the active model (1).</summary>
        public const int StAtClasses = 5;

        /// <summary>Status block: bytes per verdict record (1).</summary>
        public const int StAtRecordLength = 6;

        /// <summary>Status block: build flags (<see cref="StatusFlagAllVerdicts"/> ...) (1).</summary>
        public const int StAtBuildFlags = 7;

        /// <summary>Status block: hardware config id (4).</summary>
        public const int StAtConfigId = 8;

        /// <summary>Status block: weight image payload bytes (4).</summary>
        public const int StAtImageBytes = 12;

        /// <summary>Status block: active model id (4).</summary>
        public const int StAtModelId = 16;

        /// <summary>Status block: active bank (1).</summary>
        public const int StAtActiveBank = 20;

        /// <summary>Status block: load in progress (1).</summary>
        public const int StAtLoading = 21;

        /// <summary>Status block: payload bytes accepted by the load in progress (4).</summary>
        public const int StAtLoadOffset = 22;

        /// <summary>Status block: frames accepted since reset (4).</summary>
        public const int StAtFrames = 26;

        /// <summary>Status block: verdicts produced since reset (4).</summary>
        public const int StAtVerdicts = 30;

        /// <summary>Status block: transfers rejected for a CRC mismatch (2).</summary>
        public const int StAtCrcErrors = 34;

        /// <summary>Status block: PUSH transfers rejected for a full input FIFO (2).</summary>
        public const int StAtFullRejects = 36;

        /// <summary>Status block: commands rejected for an unexpected sequence number (2).</summary>
        public const int StAtSequenceErrors = 38;

        /// <summary>Status block: transfers cut short (2).</summary>
        public const int StAtTruncated = 40;

        /// <summary>Status block: commands rejected for other reasons (2).</summary>
        public const int StAtOtherRejects = 42;

        /// <summary>Status block: repeated commands acknowledged without executing them again (2).</summary>
        public const int StAtDuplicates = 44;

        /// <summary>Status block: frame records the input FIFO holds when empty (2).</summary>
        public const int StAtFifoFrames = 46;

        /// <summary>Writes a command header into <paramref name="frame"/>; the payload goes at <see cref="CommandHeaderLength"/>.</summary>
        public static void BeginCommand(byte[] frame, byte command, byte seq, int maxRecords, int ack)
        {
            frame[CmdAtCode] = command;
            frame[CmdAtSeq] = seq;
            frame[CmdAtRd] = (byte)maxRecords;
            frame[CmdAtAck] = (byte)(ack >> 8);
            frame[CmdAtAck + 1] = (byte)ack;
        }

        /// <summary>Writes the length and CRC of a command whose payload of <paramref name="payloadLength"/> bytes is in place; returns the frame length.</summary>
        public static int EndCommand(byte[] frame, int payloadLength)
        {
            frame[CmdAtLength] = (byte)(payloadLength >> 8);
            frame[CmdAtLength + 1] = (byte)payloadLength;
            int end = CommandHeaderLength + payloadLength;
            int crc = Crc16Ccitt.Compute(frame, 0, end);
            frame[end] = (byte)(crc >> 8);
            frame[end + 1] = (byte)crc;
            return end + CrcLength;
        }

        /// <summary>Bytes of a response carrying <paramref name="records"/> records of <paramref name="recordLength"/> bytes.</summary>
        public static int ResponseLength(int records, int recordLength)
        {
            return ResponseHeaderLength + records * recordLength + CrcLength;
        }

        /// <summary>Bytes to clock for a command frame of <paramref name="commandLength"/> bytes whose response may hold <paramref name="maxRecords"/> records.</summary>
        public static int TransferLength(int commandLength, int maxRecords, int recordLength)
        {
            int response = ResponseLength(maxRecords, recordLength);
            return response > commandLength ? response : commandLength;
        }

        /// <summary>Records that fit in a transfer of <paramref name="transferLength"/> bytes at no extra cost.</summary>
        public static int RecordsThatFit(int transferLength, int recordLength)
        {
            int n = (transferLength - ResponseHeaderLength - CrcLength) / recordLength;
            return n < 0 ? 0 : n;
        }

        /// <summary>The acknowledgement code's name, for reports.</summary>
        public static string AckName(int code)
        {
            switch (code)
            {
                case AckOk: return "ok";
                case AckCrc: return "crc";
                case AckLength: return "length";
                case AckFull: return "full";
                case AckSequence: return "sequence";
                case AckUnknown: return "unknown-command";
                case AckOffset: return "offset";
                case AckImageCrc: return "image-crc";
                case AckIncomplete: return "incomplete";
                case AckTruncated: return "truncated";
                case AckDuplicate: return "duplicate";
                case AckBusy: return "busy";
                case AckConfig: return "config";
                case AckNone: return "none";
                default: return "code-" + code;
            }
        }
    }
}

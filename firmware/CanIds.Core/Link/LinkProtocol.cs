namespace CanIds.Core.Link
{
    /// <summary>
    /// The SPI link between the MCU (master) and the FPGA, version 1: command codes, acknowledgement codes and the
    /// framing of both directions. docs/spi-link.md is the description; fpga/rtl/link_codes.vh holds the same codes.
    /// </summary>
    /// <remarks>
    /// One transfer (one chip-select assertion) carries a command on MOSI and, at the same time, a response on MISO:
    /// <code>
    /// MOSI: cmd seq vack rd len_hi len_lo payload[len] crc_hi crc_lo
    /// MISO: 0x5A flags last_seq ack_code free_windows n records[n × R] (or the status block) crc_hi crc_lo
    /// </code>
    /// CRC-16/CCITT-FALSE covers every byte before it. A command is executed only if its seq is the last executed
    /// seq + 1 (RESET accepts any). The response, composed when chip select falls, tells the seq of the last executed
    /// command (so the MCU knows exactly which earlier commands took effect) and the result of the previous transfer.
    /// vack is the cumulative count (mod 256) of verdict records the MCU has received; rd is the most records it wants
    /// in this response.
    /// </remarks>
    public static class LinkProtocol
    {
        /// <summary>Protocol version reported in the status block.</summary>
        public const byte Version = 1;

        /// <summary>Fetch verdicts only.</summary>
        public const byte CmdPoll = 0x01;

        /// <summary>Read the status block (in this transfer's response).</summary>
        public const byte CmdStatus = 0x02;

        /// <summary>Windows to classify: payload of k × (tag_hi, tag_lo, input bytes).</summary>
        public const byte CmdPush = 0x03;

        /// <summary>Clear FIFOs, pipeline, counters and load state; keeps the active model.</summary>
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

        /// <summary>The length does not suit the command (e.g. a partial window).</summary>
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

        /// <summary>Windows in the pipeline still use the shadow bank: retry the load shortly.</summary>
        public const byte AckBusy = 11;

        /// <summary>LOAD_BEGIN's image length or hardware config id is not this FPGA's.</summary>
        public const byte AckConfig = 12;

        /// <summary>No command since reset.</summary>
        public const byte AckNone = 255;

        /// <summary>First byte of every response.</summary>
        public const byte ResponseMarker = 0x5A;

        /// <summary>Bytes before a command's payload (and before a response's records).</summary>
        public const int HeaderLength = 6;

        /// <summary>CRC bytes after the payload.</summary>
        public const int CrcLength = 2;

        /// <summary>Bytes of the status block.</summary>
        public const int StatusLength = 42;

        /// <summary>Bytes of a window's tag in a PUSH payload and in a verdict record.</summary>
        public const int TagLength = 2;

        /// <summary>Response flag: the active weight bank (0 or 1).</summary>
        public const int FlagBank = 0x01;

        /// <summary>Response flag: a weight load is in progress.</summary>
        public const int FlagLoading = 0x02;

        /// <summary>Response flag: the input FIFO has no room for a window.</summary>
        public const int FlagInputFull = 0x04;

        /// <summary>Response flag: verdict records are waiting.</summary>
        public const int FlagVerdicts = 0x08;

        /// <summary>Response flag: a command was rejected since the last STATUS.</summary>
        public const int FlagErrors = 0x10;

        /// <summary>Writes a command header into <paramref name="frame"/>; the payload goes at <see cref="HeaderLength"/>.</summary>
        public static void BeginCommand(byte[] frame, byte command, byte seq, byte vack, byte maxRecords)
        {
            frame[0] = command;
            frame[1] = seq;
            frame[2] = vack;
            frame[3] = maxRecords;
        }

        /// <summary>Writes the length and CRC of a command whose payload of <paramref name="payloadLength"/> bytes is in place; returns the frame length.</summary>
        public static int EndCommand(byte[] frame, int payloadLength)
        {
            frame[4] = (byte)(payloadLength >> 8);
            frame[5] = (byte)payloadLength;
            int end = HeaderLength + payloadLength;
            ushort crc = Crc16Ccitt.Compute(frame, 0, end);
            frame[end] = (byte)(crc >> 8);
            frame[end + 1] = (byte)crc;
            return end + CrcLength;
        }

        /// <summary>Bytes of a response carrying <paramref name="records"/> records of <paramref name="recordLength"/> bytes.</summary>
        public static int ResponseLength(int records, int recordLength)
        {
            return HeaderLength + records * recordLength + CrcLength;
        }

        /// <summary>Bytes to clock for a command frame of <paramref name="commandLength"/> bytes whose response may hold <paramref name="maxRecords"/> records.</summary>
        public static int TransferLength(int commandLength, int maxRecords, int recordLength)
        {
            int response = ResponseLength(maxRecords, recordLength);
            return response > commandLength ? response : commandLength;
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

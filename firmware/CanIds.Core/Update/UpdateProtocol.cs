namespace CanIds.Core.Update
{
    /// <summary>
    /// The serial update protocol between the host tool (canids flash) and the firmware, version 1; docs/update-protocol.md
    /// describes it. Every frame is <c>type seq payload crc16</c> (CRC-16/CCITT-FALSE over type..payload), COBS-encoded
    /// and followed by a 0x00 delimiter. The host sends requests; the device answers each with type | 0x80, the same
    /// seq, a result code and fields. A request repeated with the same seq gets the same answer without being redone.
    /// </summary>
    public static class UpdateProtocol
    {
        /// <summary>Protocol version (HELLO's answer).</summary>
        public const byte Version = 1;

        /// <summary>Who is there: version, capacity, chunk size, models, state.</summary>
        public const byte Hello = 0x01;

        /// <summary>Start (or resume) an upload: image length (4) and the image's CRC-32 (4). Answer: the offset to continue at (4).</summary>
        public const byte Begin = 0x02;

        /// <summary>Image bytes: offset (4) then data. Answer: bytes received so far (4).</summary>
        public const byte Chunk = 0x03;

        /// <summary>Read back staged bytes: offset (4), count (2). Answer: the bytes.</summary>
        public const byte Read = 0x04;

        /// <summary>Verify the staged image, load it into the FPGA and make it the active model. Answer: model id (4).</summary>
        public const byte Commit = 0x05;

        /// <summary>Drop the staged image.</summary>
        public const byte Abort = 0x06;

        /// <summary>Switch back to the previous model. Answer: model id (4).</summary>
        public const byte Rollback = 0x07;

        /// <summary>Detection and link state as text lines.</summary>
        public const byte Status = 0x08;

        /// <summary>Store the device key (16..64 bytes); accepted only while none is stored (a manufacturing step).</summary>
        public const byte Provision = 0x09;

        /// <summary>
        /// HIL injection: frames for the detection path as if received on CAN (each: identifier (4; bit 31 extended,
        /// bit 30 remote), length (1), 8 data bytes). Answer: frames accepted (1), then the verdicts that arrived since the
        /// last INJECT: count (1) and per verdict its tag (2), class (1) and the device-measured time from queuing the
        /// frame to its verdict in µs (2, saturating at 65,535).
        /// </summary>
        public const byte Inject = 0x0A;

        /// <summary>HIL session: without payload, a challenge (answer: a nonce); with a 32-byte proof, opens the session INJECT needs.</summary>
        public const byte Session = 0x0B;

        /// <summary>Bytes of one injected frame.</summary>
        public const int InjectedFrameLength = 13;

        /// <summary>Bytes of one verdict in an INJECT answer.</summary>
        public const int InjectedVerdictLength = 5;

        /// <summary>Most frames one INJECT carries.</summary>
        public const int MaxInjectFrames = (MaxFrame - 4) / InjectedFrameLength;

        /// <summary>Answers carry the request type with this bit set.</summary>
        public const byte AnswerFlag = 0x80;

        /// <summary>Done.</summary>
        public const byte Ok = 0;

        /// <summary>The frame was damaged or too short.</summary>
        public const byte BadFrame = 1;

        /// <summary>Not now (e.g. a chunk without an upload in progress).</summary>
        public const byte BadState = 2;

        /// <summary>Data for another offset than expected; the answer carries the expected offset (4).</summary>
        public const byte BadOffset = 3;

        /// <summary>The image is larger than the device can store.</summary>
        public const byte TooLarge = 4;

        /// <summary>The image did not verify (format, CRC-32 or HMAC tag); the text says which field.</summary>
        public const byte VerifyFailed = 5;

        /// <summary>The image is for another accelerator (hardware config id or layer shapes differ).</summary>
        public const byte WrongShape = 6;

        /// <summary>Loading into the FPGA failed; the previous model is still active.</summary>
        public const byte FpgaError = 7;

        /// <summary>The image store failed.</summary>
        public const byte StoreError = 8;

        /// <summary>No previous model to roll back to.</summary>
        public const byte NoPrevious = 9;

        /// <summary>Unknown request type.</summary>
        public const byte Unknown = 10;

        /// <summary>The request failed on the device (an exception, e.g. a flash fault); the text names it. Retrying may succeed.</summary>
        public const byte DeviceFault = 11;

        /// <summary>Largest data of one CHUNK.</summary>
        public const int MaxChunk = 512;

        /// <summary>Largest decoded frame: type, seq, offset, a chunk, CRC.</summary>
        public const int MaxFrame = 2 + 4 + MaxChunk + 2;

        /// <summary>Writes type and seq at the start of <paramref name="frame"/>; the payload follows at 2.</summary>
        public static void Start(byte[] frame, byte type, byte seq)
        {
            frame[0] = type;
            frame[1] = seq;
        }

        /// <summary>
        /// Appends the CRC to a frame of <paramref name="length"/> bytes (type, seq, payload), COBS-encodes it into
        /// <paramref name="wire"/> between two 0x00 delimiters (the leading one separates it from any report text
        /// sent before it); returns the bytes to send.
        /// </summary>
        public static int Seal(byte[] frame, int length, byte[] wire)
        {
            ushort crc = Crc16Ccitt.Compute(frame, 0, length);
            frame[length] = (byte)(crc >> 8);
            frame[length + 1] = (byte)crc;
            wire[0] = 0;
            int n = Cobs.Encode(frame, 0, length + 2, wire, 1);
            wire[1 + n] = 0;
            return n + 2;
        }

        /// <summary>True when a decoded frame of <paramref name="length"/> bytes has at least type, seq and a matching CRC.</summary>
        public static bool Check(byte[] frame, int length)
        {
            if (length < 4) return false;
            ushort crc = Crc16Ccitt.Compute(frame, 0, length - 2);
            return frame[length - 2] == (byte)(crc >> 8) && frame[length - 1] == (byte)crc;
        }

        /// <summary>The name of a result code, for reports.</summary>
        public static string ResultName(int code)
        {
            switch (code)
            {
                case Ok: return "ok";
                case BadFrame: return "bad-frame";
                case BadState: return "bad-state";
                case BadOffset: return "bad-offset";
                case TooLarge: return "too-large";
                case VerifyFailed: return "verify-failed";
                case WrongShape: return "wrong-shape";
                case FpgaError: return "fpga-error";
                case StoreError: return "store-error";
                case NoPrevious: return "no-previous";
                case Unknown: return "unknown-request";
                case DeviceFault: return "device-fault";
                default: return "code-" + code;
            }
        }
    }
}

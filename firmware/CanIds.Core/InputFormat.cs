namespace CanIds.Core
{
    /// <summary>
    /// The model input format (version 1): how one CAN frame becomes 10 input bytes. The one definition used by
    /// the trainer, the integer reference model, the firmware and the RTL test benches; docs/input-format.md
    /// describes it for users.
    /// </summary>
    /// <remarks>
    /// Bytes 0..1 are an identifier word, big-endian; bytes 2..9 the 8 payload bytes (zero beyond the DLC, all
    /// zero for remote frames). The identifier word of a standard data frame is the 11-bit ID itself
    /// (0x0000..0x07FF), exactly the paper's encoding. Bit 15 marks an extended (29-bit) ID, whose value is
    /// XOR-folded into bits 13..0; bit 14 marks a remote frame. Standard IDs never reach bits 11..15, so the
    /// three kinds never collide.
    /// </remarks>
    public static class InputFormat
    {
        /// <summary>Version of this encoding; carried in model files and weight images.</summary>
        public const byte Version = 1;

        /// <summary>Input bytes per frame: 2 identifier bytes and 8 payload bytes.</summary>
        public const int BytesPerFrame = 10;

        /// <summary>Frames per window unless a model says otherwise (the paper's n = 4).</summary>
        public const int DefaultWindowFrames = 4;

        /// <summary>Most frames a window may hold, everywhere: host windows, weight images, the FPGA's window.</summary>
        public const int MaxWindowFrames = 64;

        /// <summary>Identifier-word flag of an extended (29-bit) identifier.</summary>
        public const ushort ExtendedFlag = 0x8000;

        /// <summary>Identifier-word flag of a remote transmission request.</summary>
        public const ushort RemoteFlag = 0x4000;

        /// <summary>Bits that carry the (folded) identifier.</summary>
        public const ushort IdentifierMask = 0x3FFF;

        /// <summary>The 16-bit identifier word of a frame (see the type's remarks).</summary>
        public static ushort EncodeId(uint id, bool extended, bool remote)
        {
            uint word;
            if (extended)
            {
                // 29 bits folded into 14: bits 0..13, 14..27 and 28 XORed together.
                word = ExtendedFlag | ((id ^ (id >> 14) ^ (id >> 28)) & IdentifierMask);
            }
            else
            {
                word = id & CanFrame.MaxStandardId;
            }

            if (remote)
            {
                word |= RemoteFlag;
            }

            return (ushort)word;
        }

        /// <summary>Writes the 10 input bytes of <paramref name="frame"/> at <paramref name="offset"/>.</summary>
        public static void EncodeFrame(CanFrame frame, byte[] destination, int offset)
        {
            WriteRecord(frame.Id, frame.IsExtended, frame.IsRemote, frame.Data, destination, offset);
        }

        /// <summary>
        /// Writes the 10 input bytes of a frame given as the CAN driver hands it over (identifier, flags and the
        /// 8-byte data array) at <paramref name="offset"/>: the firmware's per-frame step, so it copies instead of looping.
        /// </summary>
        public static void WriteRecord(uint id, bool extended, bool remote, byte[] data, byte[] destination, int offset)
        {
            // A standard data frame's word is its 11-bit ID: written without the general encoder's call (the common case).
            int word = extended || remote ? EncodeId(id, extended, remote) : (int)(id & CanFrame.MaxStandardId);
            destination[offset] = (byte)(word >> 8);
            destination[offset + 1] = (byte)word;
            if (remote)
            {
                System.Array.Clear(destination, offset + 2, CanFrame.MaxDataLength);
            }
            else
            {
                System.Array.Copy(data, 0, destination, offset + 2, CanFrame.MaxDataLength);
            }
        }
    }
}

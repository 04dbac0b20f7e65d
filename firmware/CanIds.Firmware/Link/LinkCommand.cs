namespace CanIds.Firmware.Link
{
    /// <summary>A command waiting to be sent, or sent and not yet known to have been executed. Pooled: never allocated in use.</summary>
    internal sealed class LinkCommand
    {
        public LinkCommand(int capacity)
        {
            Payload = new byte[capacity];
        }

        /// <summary>Command code.</summary>
        public byte Code;

        /// <summary>Payload bytes of a LOAD command (a PUSH's payload is read from the frame ring when it is sent).</summary>
        public readonly byte[] Payload;

        /// <summary>Payload length of a LOAD command.</summary>
        public int Length;

        /// <summary>A PUSH's first frame tag.</summary>
        public int FirstTag;

        /// <summary>A PUSH's frames.</summary>
        public int Frames;

        /// <summary>Sent with <see cref="Seq"/> and not yet resolved.</summary>
        public bool Sent;

        /// <summary>Sequence number it was last sent with.</summary>
        public byte Seq;

        /// <summary>Times sent.</summary>
        public int Attempts;

        /// <summary>The result once resolved (<see cref="Core.Link.LinkProtocol.AckOk"/> when executed).</summary>
        public int Result;

        /// <summary>Resolved: executed or failed for good.</summary>
        public bool Done;
    }
}

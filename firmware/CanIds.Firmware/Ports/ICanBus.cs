namespace CanIds.Firmware.Ports
{
    /// <summary>
    /// The CAN controller as the detection path needs it: frames taken by polling, one at a time, straight into their
    /// model input records. The device implements it over nanoFramework's CanController (Hardware/CanControllerBus);
    /// tests, the HIL rig and the benchmark over simulated buses.
    /// </summary>
    public interface ICanBus
    {
        /// <summary>
        /// Takes the next received frame from the driver's buffer and writes its 10-byte input record (docs/input-format.md)
        /// at <paramref name="offset"/> of <paramref name="records"/>. Returns the frame's identifier with
        /// <see cref="FrameId.Extended"/> and <see cref="FrameId.Remote"/> set as they apply, or <see cref="FrameId.None"/>
        /// when no frame is waiting (nothing is written then).
        /// </summary>
        int TryRead(byte[] records, int offset);

        /// <summary>Blocks until the driver signals a received frame or <paramref name="timeoutMs"/> has passed (the idle loop's sleep).</summary>
        void WaitForFrames(int timeoutMs);

        /// <summary>Receive events the driver raised (one per frame, and one per bus error: nanoFramework does not tell them apart).</summary>
        int Events { get; }
    }

    /// <summary>How <see cref="ICanBus.TryRead"/> returns a frame's identifier.</summary>
    public static class FrameId
    {
        /// <summary>No frame was waiting.</summary>
        public const int None = -1;

        /// <summary>Set for a 29-bit identifier.</summary>
        public const int Extended = 1 << 29;

        /// <summary>Set for a remote transmission request.</summary>
        public const int Remote = 1 << 30;

        /// <summary>The identifier's own bits.</summary>
        public const int IdMask = Extended - 1;

        /// <summary>What <see cref="ICanBus.TryRead"/> returns for a frame.</summary>
        public static int Of(uint id, bool extended, bool remote)
        {
            int value = (int)id;
            if (extended) value |= Extended;
            if (remote) value |= Remote;
            return value;
        }

        /// <summary>The identifier as report lines write it: 3 hex digits (standard) or 8 (extended).</summary>
        public static string Text(int id)
        {
            return (id & Extended) != 0 ? (id & IdMask).ToString("X8") : (id & IdMask).ToString("X3");
        }
    }
}

namespace CanIds.Traffic.Generation
{
    /// <summary>
    /// Something that puts frames on the bus: an ECU's periodic message or an attacker. It says when its next frame is
    /// ready and fills it in; the <see cref="BusScheduler"/> decides when it wins the bus.
    /// </summary>
    internal abstract class FrameSource
    {
        /// <summary>Ready time of the next frame (Unix µs); <see cref="long.MaxValue"/> when the source is done.</summary>
        public long NextUs { get; protected set; } = long.MaxValue;

        /// <summary>The class its frames are labelled with.</summary>
        public abstract string Label { get; }

        /// <summary>The frame waiting in this source's one-deep transmit mailbox, if any (managed by the scheduler).</summary>
        internal BusScheduler.Pending? Mailbox { get; set; }

        /// <summary>Fills the frame due at <see cref="NextUs"/> (ID, flags, length, payload) and schedules the next one.</summary>
        public abstract void Produce(ref CanRecord record);
    }
}

using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class ManualClock : IClock
    {
        /// <inheritdoc />
        public long Microseconds { get; set; }
    }
}

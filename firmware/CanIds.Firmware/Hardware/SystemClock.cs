using System;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Hardware
{
    /// <summary><see cref="IClock"/> over the system clock (100 ns ticks). Device build only.</summary>
    public sealed class SystemClock : IClock
    {
        private readonly long _boot = DateTime.UtcNow.Ticks;

        /// <inheritdoc />
        public long Microseconds
        {
            get { return (DateTime.UtcNow.Ticks - _boot) / 10; }
        }
    }
}

using CanIds.Firmware.Ports;

namespace CanIds.Hil
{
    /// <summary>Simulated time for the firmware: the rig moves it as frames arrive and as transfers take their time.</summary>
    public sealed class VirtualClock : IClock
    {
        /// <inheritdoc />
        public long Microseconds { get; set; }

        /// <summary>Moves time forward by <paramref name="us"/> microseconds.</summary>
        public void Advance(long us) => Microseconds += us;
    }
}

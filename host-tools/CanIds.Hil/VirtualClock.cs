using System;
using CanIds.Firmware.Ports;

namespace CanIds.Hil
{
    /// <summary>Simulated time for the firmware: the rig moves it as frames arrive and as the MCU's work takes its time.</summary>
    public sealed class VirtualClock : IClock
    {
        private double _carry; // the sub-microsecond rest of fractional advances

        /// <inheritdoc />
        public long Microseconds { get; set; }

        /// <summary>Moves time forward by <paramref name="us"/> microseconds.</summary>
        public void Advance(long us) => Microseconds += us;

        /// <summary>Moves time forward by a fractional <paramref name="us"/>, carrying what is below a microsecond to the next call.</summary>
        public void Advance(double us)
        {
            _carry += us;
            long whole = (long)Math.Floor(_carry);
            Microseconds += whole;
            _carry -= whole;
        }

        /// <summary>Time with its fractional part, µs.</summary>
        public double Exact => Microseconds + _carry;
    }
}

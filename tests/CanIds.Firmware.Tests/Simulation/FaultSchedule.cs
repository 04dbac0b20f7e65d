using System;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>An exception a faulty adapter throws, as a driver would on a hardware fault.</summary>
    public sealed class InjectedFault : Exception
    {
        /// <summary>A fault thrown by <paramref name="where"/>.</summary>
        public InjectedFault(string where)
            : base("injected fault in " + where)
        {
        }
    }

    /// <summary>
    /// When faulty adapters throw: a seeded pseudo-random choice (a 32-bit LCG, the same on .NET and nanoCLR), about one
    /// call in <c>period</c>, so a failing run can be repeated exactly.
    /// </summary>
    public sealed class FaultSchedule
    {
        private readonly uint _period;
        private uint _state;

        /// <summary>Faults about once every <paramref name="period"/> calls, from <paramref name="seed"/>.</summary>
        public FaultSchedule(int period, uint seed)
        {
            _period = (uint)period;
            _state = seed;
        }

        /// <summary>Faults thrown so far.</summary>
        public int Thrown;

        /// <summary>False while faults are held back (e.g. to finish a run cleanly).</summary>
        public bool Enabled = true;

        /// <summary>Throws <see cref="InjectedFault"/> when this call is due to fail.</summary>
        public void Maybe(string where)
        {
            _state = _state * 1664525u + 1013904223u;
            if (!Enabled || (_state >> 8) % _period != 0) return;
            Thrown++;
            throw new InjectedFault(where);
        }
    }
}

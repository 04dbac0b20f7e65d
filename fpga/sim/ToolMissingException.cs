using System;

namespace CanIds.Fpga.Sim
{
    /// <summary>An external program the work needs (verilator, make, g++, yosys, nextpnr) is not installed.</summary>
    public sealed class ToolMissingException : InvalidOperationException
    {
        /// <summary>Says which program is missing and how to install it.</summary>
        public ToolMissingException(string message) : base(message)
        {
        }
    }
}

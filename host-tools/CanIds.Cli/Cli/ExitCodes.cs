namespace CanIds.Cli.Cli
{
    /// <summary>Exit codes of every verb (BSD sysexits, so scripts can tell a bad log from a missing one).</summary>
    public static class ExitCodes
    {
        /// <summary>Done.</summary>
        public const int Ok = 0;
        /// <summary>The work ran and what it checks failed (e.g. a replay's verdicts differ from the reference).</summary>
        public const int CheckFailed = 2;
        /// <summary>Wrong command line (also System.CommandLine's own parse errors, which exit 1).</summary>
        public const int Usage = 64;
        /// <summary>Input data is malformed or cannot be represented in the output format.</summary>
        public const int DataError = 65;
        /// <summary>An input file does not exist.</summary>
        public const int NoInput = 66;
        /// <summary>The device does not answer (wrong port, powered off, another program on the port), or a program the work needs (verilator, yosys…) is not installed.</summary>
        public const int Unavailable = 69;
        /// <summary>An internal check failed (e.g. the integer model disagrees with the trained network), or a runtime is missing.</summary>
        public const int Software = 70;
        /// <summary>Reading or writing failed.</summary>
        public const int IoError = 74;
    }
}

using System;
using System.IO;
using System.Runtime.InteropServices;
using CanIds.Firmware.Ports;

namespace CanIds.Fpga.Sim
{
    /// <summary>
    /// The accelerator's RTL, Verilated, behind an <see cref="ISpiPort"/>: every transfer toggles the real SCLK, CS_N
    /// and MOSI pins of cqmlp_top bit by bit and samples MISO, with the core clock running between the edges. The
    /// firmware's link code talks to it exactly as it talks to the board. One instance is one FPGA; not thread-safe.
    /// </summary>
    public sealed partial class RtlSimulator : ISpiPort, IDisposable
    {
        private const string Library = "cqmlp_sim";
        private static string? _libraryPath;
        private IntPtr _handle;

        static RtlSimulator()
        {
            // Default probing finds the library built for fpga/gen beside this assembly; UseLibrary picks another build.
            NativeLibrary.SetDllImportResolver(typeof(RtlSimulator).Assembly, (name, _, _) =>
                name == Library && _libraryPath != null ? NativeLibrary.Load(_libraryPath) : IntPtr.Zero);
        }

        /// <summary>
        /// A powered-up FPGA (bank 0 holds the model of fpga/gen). With <paramref name="tracePath"/>, every signal is
        /// recorded into that FST file (open it with GTKWave).
        /// </summary>
        public RtlSimulator(string? tracePath = null)
        {
            if (!IsAvailable(out var why)) throw new InvalidOperationException(why);
            _handle = Create(tracePath ?? "");
        }

        /// <summary>
        /// A simulator named for a test: traced into CANIDS_TRACE_DIR/<paramref name="name"/>.fst when that environment
        /// variable is set, so a failing test can be rerun with a waveform.
        /// </summary>
        public static RtlSimulator ForTest(string name)
        {
            var dir = Environment.GetEnvironmentVariable("CANIDS_TRACE_DIR");
            if (string.IsNullOrEmpty(dir)) return new RtlSimulator();
            Directory.CreateDirectory(dir);
            return new RtlSimulator(Path.Combine(dir, name + ".fst"));
        }

        /// <summary>
        /// Makes this process simulate the RTL built into <paramref name="path"/> (see <see cref="Build"/>) instead of the
        /// fpga/gen build. Call it before the first simulator of the process is made: a loaded library stays.
        /// </summary>
        public static void UseLibrary(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException(null, path);
            _libraryPath = Path.GetFullPath(path);
        }

        /// <summary>
        /// Verilates the RTL with the parameters in <paramref name="genDir"/> (as canids export --rtl writes them) into
        /// <paramref name="outDir"/> and returns the library's path. Needs the repository's fpga/ folder, verilator and g++.
        /// </summary>
        public static string Build(string genDir, string outDir)
        {
            var sim = CheckBuildable();
            var info = new System.Diagnostics.ProcessStartInfo("make") { WorkingDirectory = sim, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-s", "OUT=" + Path.GetFullPath(outDir), "GEN=" + Path.GetFullPath(genDir) }) info.ArgumentList.Add(a);
            System.Diagnostics.Process process;
            try
            {
                process = System.Diagnostics.Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new ToolMissingException("make is not installed (scripts/setup.sh installs make, verilator and g++)");
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                string error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException($"building the simulator for {genDir} failed (make exit {process.ExitCode}): {error.Trim()}{output.Result.Trim()}");
            }

            return Path.Combine(Path.GetFullPath(outDir), "libcqmlp_sim.so");
        }

        /// <summary>
        /// Checks that <see cref="Build"/> can work here (the RTL and wrapper sources, verilator on the PATH) and returns
        /// the sources' folder; throws saying what is missing, so a long job can check before it starts.
        /// </summary>
        public static string CheckBuildable()
        {
            var sim = FindSimSources() ?? throw new InvalidOperationException("building a simulator needs fpga/sim and fpga/rtl beside canids or above it (a clone of the repository or the installed tool)");
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (var tool in new[] { "verilator", "make", "g++" })
            {
                bool found = false;
                foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)) found |= File.Exists(Path.Combine(dir, tool));
                if (!found) throw new ToolMissingException($"{tool} is not installed: building the RTL simulator needs verilator, make and g++ (scripts/setup.sh installs them; apt install {tool})");
            }

            return sim;
        }

        private static string? FindSimSources()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var sim = Path.Combine(dir.FullName, "fpga", "sim");
                if (File.Exists(Path.Combine(sim, "Makefile")) && File.Exists(Path.Combine(sim, "cqmlp_sim.cpp"))) return sim;
            }

            return null;
        }

        /// <summary>True when the simulator library was built and loads; <paramref name="why"/> says what to do otherwise.</summary>
        public static bool IsAvailable(out string why)
        {
            if (NativeLibrary.TryLoad(Library, typeof(RtlSimulator).Assembly, null, out var lib))
            {
                NativeLibrary.Free(lib);
                why = "";
                return true;
            }

            why = "the RTL simulator (libcqmlp_sim.so) is not built: install verilator and g++ (scripts/setup.sh), then rebuild";
            return false;
        }

        /// <summary>Core clock cycles per half SCLK period (SCLK = f_clk / (2 × this)); the RTL needs at least 4.</summary>
        public int HalfPeriod { get; set; } = 4;

        /// <summary>Core clock cycles simulated so far.</summary>
        public long Cycles => (long)NativeCycles(Handle);

        /// <summary>The IRQ pin: verdicts are waiting.</summary>
        public bool Irq => NativeIrq(Handle) != 0;

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count) => Transfer(write, read, count, -1);

        /// <summary>
        /// One transfer of <paramref name="count"/> bytes; with <paramref name="stopAfterBits"/> ≥ 0, chip select is
        /// released after that many bits. Returns the bits clocked.
        /// </summary>
        public int Transfer(byte[] write, byte[] read, int count, int stopAfterBits)
        {
            if (write.Length < count || read.Length < count) throw new ArgumentException($"buffers shorter than the {count}-byte transfer");
            return Spi(Handle, write, read, count, HalfPeriod, stopAfterBits);
        }

        /// <summary>Runs the core clock for <paramref name="cycles"/> cycles (the pipeline works, the pins idle).</summary>
        public void Run(long cycles) => NativeRun(Handle, (ulong)cycles);

        /// <summary>Holds the reset pin low for <paramref name="cycles"/> cycles: what a board reset does.</summary>
        public void Reset(int cycles = 8) => NativeReset(Handle, cycles);

        /// <inheritdoc />
        public void Dispose()
        {
            if (_handle != IntPtr.Zero)
            {
                Destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }

        private IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(RtlSimulator));

        [LibraryImport(Library, EntryPoint = "cqmlp_create", StringMarshalling = StringMarshalling.Utf8)]
        private static partial IntPtr Create(string tracePath);

        [LibraryImport(Library, EntryPoint = "cqmlp_destroy")]
        private static partial void Destroy(IntPtr handle);

        [LibraryImport(Library, EntryPoint = "cqmlp_reset")]
        private static partial void NativeReset(IntPtr handle, int cycles);

        [LibraryImport(Library, EntryPoint = "cqmlp_run")]
        private static partial void NativeRun(IntPtr handle, ulong cycles);

        [LibraryImport(Library, EntryPoint = "cqmlp_spi")]
        private static partial int Spi(IntPtr handle, byte[] mosi, [Out] byte[] miso, int length, int halfPeriod, int stopAfterBits);

        [LibraryImport(Library, EntryPoint = "cqmlp_cycles")]
        private static partial ulong NativeCycles(IntPtr handle);

        [LibraryImport(Library, EntryPoint = "cqmlp_irq")]
        private static partial int NativeIrq(IntPtr handle);
    }
}

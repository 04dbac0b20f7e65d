using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CanIds.Firmware.Ports;

namespace CanIds.Fpga.Sim
{
    /// <summary>
    /// The accelerator's RTL, Verilated, behind an <see cref="ISpiPort"/>: every transfer toggles the real SCLK, CS_N
    /// and MOSI pins of cqmlp_top bit by bit and samples MISO, with the core clock running between the edges. The
    /// firmware's link code talks to it exactly as it talks to the board. One instance is one FPGA; not thread-safe.
    /// </summary>
    /// <remarks>
    /// Two builds of the same RTL sit beside this assembly (fpga/sim/Makefile): the shipped configuration, which is what
    /// synthesis builds and what every test, replay and benchmark runs, and a debug build whose verdict records carry
    /// the final accumulators (for the tests that compare them with the integer model).
    /// </remarks>
    public sealed unsafe class RtlSimulator : ISpiPort, IDisposable
    {
        /// <summary>File name of the shipped build.</summary>
        public const string ShippedLibrary = "libcqmlp_sim.so";

        /// <summary>File name of the debug build (verdict records with accumulators).</summary>
        public const string DebugLibrary = "libcqmlp_sim_debug.so";

        private static readonly ConcurrentDictionary<string, Binding> Loaded = new();
        private readonly Binding _lib;
        private IntPtr _handle;

        /// <summary>
        /// A powered-up FPGA of the shipped build of fpga/gen (bank 0 holds its model). With <paramref name="tracePath"/>, every signal is recorded into that FST file
        /// (open it with GTKWave). <paramref name="debug"/> picks the debug build instead.
        /// </summary>
        public RtlSimulator(string? tracePath = null, bool debug = false)
            : this(debug ? Path.Combine(AppContext.BaseDirectory, DebugLibrary) : ShippedLibraryPath, tracePath)
        {
        }

        /// <summary>An FPGA simulated by the library at <paramref name="libraryPath"/>.</summary>
        public RtlSimulator(string libraryPath, string? tracePath)
        {
            _lib = Loaded.GetOrAdd(Path.GetFullPath(libraryPath), path => new Binding(path));
            _handle = _lib.Create(tracePath ?? "");
        }

        /// <summary>The shipped build of fpga/gen, beside this assembly.</summary>
        public static string ShippedLibraryPath => Path.Combine(AppContext.BaseDirectory, ShippedLibrary);

        /// <summary>
        /// A simulator named for a test: traced into CANIDS_TRACE_DIR/<paramref name="name"/>.fst when that environment
        /// variable is set, so a failing test can be rerun with a waveform.
        /// </summary>
        public static RtlSimulator ForTest(string name, bool debug = false)
        {
            var dir = Environment.GetEnvironmentVariable("CANIDS_TRACE_DIR");
            if (string.IsNullOrEmpty(dir)) return new RtlSimulator(debug: debug);
            Directory.CreateDirectory(dir);
            return new RtlSimulator(Path.Combine(dir, name + ".fst"), debug);
        }

        /// <summary>
        /// Verilates the RTL with the parameters in <paramref name="genDir"/> (as canids export --rtl writes them) into
        /// <paramref name="outDir"/> and returns the shipped build's path. Needs the repository's fpga/ folder, verilator and g++.
        /// </summary>
        public static string Build(string genDir, string outDir)
        {
            var sim = CheckBuildable();
            var info = new System.Diagnostics.ProcessStartInfo("make") { WorkingDirectory = sim, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-s", "OUT=" + Path.GetFullPath(outDir), "GEN=" + Path.GetFullPath(genDir), Path.Combine(Path.GetFullPath(outDir), ShippedLibrary) }) info.ArgumentList.Add(a);
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

            return Path.Combine(Path.GetFullPath(outDir), ShippedLibrary);
        }

        /// <summary>
        /// Verilates a synthesised netlist (yosys <c>write_verilog -noattr</c>) with the vendor's cell models
        /// <paramref name="cells"/> (e.g. yosys's ice40/cells_sim.v; for UltraScale+ xilinx/cells_sim.v and
        /// fpga/sim/ultrascale_cells.v) behind the same pin-level wrapper, into
        /// <paramref name="outDir"/>; returns the library's path. Gate-level: it simulates about a hundred times slower
        /// than the RTL build.
        /// </summary>
        public static string BuildNetlist(string netlist, string outDir, params string[] cells)
        {
            var sim = CheckBuildable();
            var info = new System.Diagnostics.ProcessStartInfo("make") { WorkingDirectory = sim, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-s", "OUT=" + Path.GetFullPath(outDir), "NETLIST=" + Path.GetFullPath(netlist), "CELLS=" + string.Join(' ', cells.Select(Path.GetFullPath)), "netlist" }) info.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var library = Path.Combine(Path.GetFullPath(outDir), "libcqmlp_netlist.so");
            if (process.ExitCode != 0 || !File.Exists(library)) throw new InvalidOperationException($"building the netlist simulator of {netlist} failed (make exit {process.ExitCode}): {error.Trim()}{output.Result.Trim()}");
            return library;
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

        /// <summary>True when the shipped simulator library was built and loads; <paramref name="why"/> says what to do otherwise.</summary>
        public static bool IsAvailable(out string why)
        {
            if (NativeLibrary.TryLoad(ShippedLibraryPath, out var lib))
            {
                NativeLibrary.Free(lib);
                why = "";
                return true;
            }

            why = $"the RTL simulator ({ShippedLibrary}) is not built: install verilator and g++ (scripts/setup.sh), then rebuild";
            return false;
        }

        /// <summary>
        /// Time, µs at <paramref name="fpgaMhz"/>, the shipped folding (about 1,030 cycles per frame, about 4,400 of
        /// pipeline latency) needs to judge <paramref name="frames"/> frames from an idle start; a bound for tests.
        /// </summary>
        public static double DefaultPipelineUs(double fpgaMhz, int frames) => (4500 + 1100.0 * frames) / fpgaMhz;

        /// <summary>Core clock cycles per half SCLK period (SCLK = f_clk / (2 × this)); the RTL needs at least 4.</summary>
        public int HalfPeriod { get; set; } = 4;

        /// <summary>Core clock cycles simulated so far.</summary>
        public long Cycles => (long)_lib.Cycles(Handle);

        /// <summary>The IRQ pin: verdicts are waiting.</summary>
        public bool Irq => _lib.Irq(Handle) != 0;

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count) => Transfer(write, read, count, -1);

        /// <summary>
        /// One transfer of <paramref name="count"/> bytes; with <paramref name="stopAfterBits"/> ≥ 0, chip select is
        /// released after that many bits. Returns the bits clocked.
        /// </summary>
        public int Transfer(byte[] write, byte[] read, int count, int stopAfterBits)
        {
            if (write.Length < count || read.Length < count) throw new ArgumentException($"buffers shorter than the {count}-byte transfer");
            fixed (byte* mosi = write)
            fixed (byte* miso = read)
            {
                return _lib.Spi(Handle, mosi, miso, count, HalfPeriod, stopAfterBits);
            }
        }

        /// <summary>Runs the core clock for <paramref name="cycles"/> cycles (the pipeline works, the pins idle).</summary>
        public void Run(long cycles) => _lib.Run(Handle, (ulong)cycles);

        /// <summary>Holds the reset pin low for <paramref name="cycles"/> cycles: what a board reset does.</summary>
        public void Reset(int cycles = 8) => _lib.Reset(Handle, cycles);

        /// <inheritdoc />
        public void Dispose()
        {
            if (_handle != IntPtr.Zero)
            {
                _lib.Destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }

        private IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(RtlSimulator));

        /// <summary>One loaded simulator library: its C API (fpga/sim/cqmlp_sim.cpp) as function pointers.</summary>
        private sealed class Binding
        {
            private readonly delegate* unmanaged<byte*, IntPtr> _create;

            public Binding(string path)
            {
                if (!NativeLibrary.TryLoad(path, out var lib))
                    throw new InvalidOperationException($"the RTL simulator {path} is not built or does not load: install verilator and g++ (scripts/setup.sh), then rebuild");
                _create = (delegate* unmanaged<byte*, IntPtr>)NativeLibrary.GetExport(lib, "cqmlp_create");
                Destroy = (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(lib, "cqmlp_destroy");
                Reset = (delegate* unmanaged<IntPtr, int, void>)NativeLibrary.GetExport(lib, "cqmlp_reset");
                Run = (delegate* unmanaged<IntPtr, ulong, void>)NativeLibrary.GetExport(lib, "cqmlp_run");
                Spi = (delegate* unmanaged<IntPtr, byte*, byte*, int, int, int, int>)NativeLibrary.GetExport(lib, "cqmlp_spi");
                Cycles = (delegate* unmanaged<IntPtr, ulong>)NativeLibrary.GetExport(lib, "cqmlp_cycles");
                Irq = (delegate* unmanaged<IntPtr, int>)NativeLibrary.GetExport(lib, "cqmlp_irq");
            }

            public delegate* unmanaged<IntPtr, void> Destroy { get; }

            public delegate* unmanaged<IntPtr, int, void> Reset { get; }

            public delegate* unmanaged<IntPtr, ulong, void> Run { get; }

            public delegate* unmanaged<IntPtr, byte*, byte*, int, int, int, int> Spi { get; }

            public delegate* unmanaged<IntPtr, ulong> Cycles { get; }

            public delegate* unmanaged<IntPtr, int> Irq { get; }

            public IntPtr Create(string tracePath)
            {
                var utf8 = System.Text.Encoding.UTF8.GetBytes(tracePath + "\0");
                fixed (byte* p = utf8)
                {
                    return _create(p);
                }
            }
        }
    }
}

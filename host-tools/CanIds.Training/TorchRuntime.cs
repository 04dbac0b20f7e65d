using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;

namespace CanIds.Training
{
    /// <summary>
    /// Makes libtorch loadable before anything touches TorchSharp. On Debian 12, libLibTorchSharp.so asks for
    /// GLIBCXX_3.4.32, which Debian's libstdc++ lacks; the only symbol behind that version is referenced and never
    /// called. Marking that version requirement weak (VER_FLG_WEAK in .gnu.version_r) lets the loader accept the
    /// library. The change is two bytes, idempotent, and harmless where the version exists.
    /// </summary>
    public static class TorchRuntime
    {
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;
        private static readonly object Gate = new();
        private static bool _ready;

        /// <summary>Patches (once per process) and initialises TorchSharp with <paramref name="threads"/> CPU threads (0: all cores).</summary>
        /// <exception cref="InvalidOperationException">libtorch cannot be loaded; the message says what to do.</exception>
        public static void EnsureLoaded(int threads = 0)
        {
            lock (Gate)
            {
                if (!_ready)
                {
                    if (OperatingSystem.IsLinux())
                    {
                        foreach (var path in Candidates())
                        {
                            if (File.Exists(path)) MarkVersionWeak(path, "GLIBCXX_3.4.32");
                        }

                        // MKL and OpenMP may otherwise use fewer threads than set when the machine is busy, which
                        // changes the order of float sums: training would then depend on the load, not only on the
                        // seed. Read once, when libtorch starts, from the native environment (a user's own setting wins).
                        setenv("MKL_DYNAMIC", "FALSE", 0);
                        setenv("OMP_DYNAMIC", "FALSE", 0);
                        KeepFreedMemory();
                    }

                    try
                    {
                        torch.InitializeDeviceType(DeviceType.CPU);
                    }
                    catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
                    {
                        throw new InvalidOperationException($"libtorch could not be loaded ({(e.InnerException ?? e).Message}). Training needs the libtorch CPU package restored beside the tool (dotnet restore).", e);
                    }

                    _ready = true;
                }

                torch.set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
            }
        }

        private static string[] Candidates()
        {
            var baseDir = AppContext.BaseDirectory;
            string rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
            return
            [
                Path.Combine(baseDir, "runtimes", rid, "native", "libLibTorchSharp.so"),
                Path.Combine(baseDir, "libLibTorchSharp.so"),
            ];
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on the version requirement <paramref name="version"/> of an ELF64 little-endian shared
        /// object; returns true when the file was changed.
        /// </summary>
        public static bool MarkVersionWeak(string path, string version)
        {
            var b = File.ReadAllBytes(path);
            if (b.Length < 64 || b[0] != 0x7F || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F' || b[4] != 2 || b[5] != 1) return false;
            long shoff = BitConverter.ToInt64(b, 0x28);
            int shentsize = BitConverter.ToUInt16(b, 0x3A);
            int shnum = BitConverter.ToUInt16(b, 0x3C);
            bool changed = false;
            for (int i = 0; i < shnum; i++)
            {
                int sh = (int)(shoff + (long)i * shentsize);
                if (BitConverter.ToUInt32(b, sh + 4) != ShtGnuVerneed) continue;
                int start = (int)BitConverter.ToInt64(b, sh + 0x18);
                int link = (int)BitConverter.ToUInt32(b, sh + 0x28);
                int strings = (int)BitConverter.ToInt64(b, (int)(shoff + (long)link * shentsize) + 0x18);
                int vn = start;
                while (true)
                {
                    int count = BitConverter.ToUInt16(b, vn + 2);
                    int aux = vn + (int)BitConverter.ToUInt32(b, vn + 8);
                    for (int k = 0; k < count; k++)
                    {
                        int nameAt = strings + (int)BitConverter.ToUInt32(b, aux + 8);
                        int end = Array.IndexOf(b, (byte)0, nameAt);
                        if (Encoding.ASCII.GetString(b, nameAt, end - nameAt) == version && (b[aux + 4] & VerFlagWeak) == 0)
                        {
                            b[aux + 4] |= (byte)VerFlagWeak;
                            changed = true;
                        }

                        uint nextAux = BitConverter.ToUInt32(b, aux + 12);
                        if (nextAux == 0) break;
                        aux += (int)nextAux;
                    }

                    uint next = BitConverter.ToUInt32(b, vn + 12);
                    if (next == 0) break;
                    vn += (int)next;
                }
            }

            if (changed)
            {
                var temp = path + ".patching";
                File.WriteAllBytes(temp, b);
                File.Move(temp, path, overwrite: true);
            }

            return changed;
        }

        /// <summary>
        /// Every training step allocates and frees the same few hundred kilobyte-sized tensors. With glibc's defaults
        /// the larger ones are mmap'ed and unmapped each time and the heap top is trimmed back to the system, so each
        /// step faults its memory in again: measured, a quarter of training's wall time went to the kernel (66 s of
        /// system time in a 335 s demo training; 4 s with this). Keep freed memory in the process instead.
        /// </summary>
        private static void KeepFreedMemory()
        {
            const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3;
            try
            {
                mallopt(MmapThreshold, 32 << 20); // glibc's largest allowed on 64-bit
                mallopt(TrimThreshold, int.MaxValue);
                mallopt(TopPad, 64 << 20);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // not glibc (musl): its allocator has no such settings, and training is only slower
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int setenv(string name, string value, int overwrite);

        [DllImport("libc")]
        private static extern int mallopt(int param, int value);
    }
}

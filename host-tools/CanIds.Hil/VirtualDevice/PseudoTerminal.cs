using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using CanIds.Firmware.Ports;

namespace CanIds.Hil.VirtualDevice
{
    /// <summary>
    /// A pseudo-terminal made in-process (posix_openpt): the virtual device holds the master end as its UART; the slave
    /// end is a real serial port (/dev/pts/N) any program opens, reached through a stable symbolic link. Linux only.
    /// </summary>
    public sealed class PseudoTerminal : ISerialPort, IDisposable
    {
        private const int ORdWr = 0x2, ONoCtty = 0x100, ONonBlock = 0x800, FGetFl = 3, FSetFl = 4, EAgain = 11, EIntr = 4;
        private readonly int _master;
        private readonly int _slave; // held open so the line never hangs up while no host is connected
        private readonly byte[] _in = new byte[4096];
        private readonly byte[] _out = new byte[4096];

        /// <summary>Opens a new pseudo-terminal in raw mode and links <paramref name="linkPath"/> to its slave end.</summary>
        /// <exception cref="IOException">The system would not make one (the message says which call failed).</exception>
        public PseudoTerminal(string linkPath)
        {
            if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the virtual device's serial port is a Linux pseudo-terminal");
            _master = Check(posix_openpt(ORdWr | ONoCtty), "posix_openpt");
            Check(grantpt(_master), "grantpt");
            Check(unlockpt(_master), "unlockpt");
            var name = new byte[128];
            Check(ptsname_r(_master, name, (nuint)name.Length), "ptsname_r");
            SlavePath = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
            _slave = Check(open(SlavePath, ORdWr | ONoCtty), "open " + SlavePath);
            var termios = new byte[256]; // larger than any struct termios
            Check(tcgetattr(_slave, termios), "tcgetattr");
            cfmakeraw(termios);
            Check(tcsetattr(_slave, 0, termios), "tcsetattr");
            Check(fcntl(_master, FSetFl, fcntl(_master, FGetFl, 0) | ONonBlock), "fcntl");
            LinkPath = Path.GetFullPath(linkPath);
            if (File.Exists(LinkPath) || new FileInfo(LinkPath).LinkTarget != null) File.Delete(LinkPath);
            File.CreateSymbolicLink(LinkPath, SlavePath);
        }

        /// <summary>The slave end's device node (/dev/pts/N).</summary>
        public string SlavePath { get; }

        /// <summary>The stable path to give to host tools: a link to <see cref="SlavePath"/>.</summary>
        public string LinkPath { get; }

        /// <summary>Bytes written while nobody read the line for long (a UART with nothing listening loses them too).</summary>
        public long Dropped { get; private set; }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)read(_master, _in, (nint)Math.Min(count, _in.Length));
            if (n <= 0) return 0; // EAGAIN: nothing waiting
            Buffer.BlockCopy(_in, 0, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            var deadline = Environment.TickCount64 + 200;
            while (count > 0)
            {
                int n = Math.Min(count, _out.Length);
                Buffer.BlockCopy(buffer, offset, _out, 0, n);
                int written = (int)write(_master, _out, n);
                if (written > 0)
                {
                    offset += written;
                    count -= written;
                    continue;
                }

                int errno = Marshal.GetLastPInvokeError();
                if ((errno == EAgain || errno == EIntr) && Environment.TickCount64 < deadline)
                {
                    Thread.Sleep(1); // the host is slow to read: wait a little, as a UART's FIFO would not
                    continue;
                }

                Dropped += count;
                return;
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            try
            {
                if (new FileInfo(LinkPath).LinkTarget == SlavePath) File.Delete(LinkPath);
            }
            catch (IOException)
            {
            }

            close(_slave);
            close(_master);
        }

        private static int Check(int result, string call) =>
            result >= 0 ? result : throw new IOException($"{call} failed (errno {Marshal.GetLastPInvokeError()}): cannot make a pseudo-terminal");

        [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
        [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
        [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
        [DllImport("libc", SetLastError = true)] private static extern int ptsname_r(int fd, byte[] buffer, nuint length);
        [DllImport("libc", SetLastError = true)] private static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);
        [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
        [DllImport("libc", SetLastError = true)] private static extern nint read(int fd, byte[] buffer, nint count);
        [DllImport("libc", SetLastError = true)] private static extern nint write(int fd, byte[] buffer, nint count);
        [DllImport("libc", SetLastError = true)] private static extern int fcntl(int fd, int command, int argument);
        [DllImport("libc", SetLastError = true)] private static extern int tcgetattr(int fd, byte[] termios);
        [DllImport("libc", SetLastError = true)] private static extern int tcsetattr(int fd, int when, byte[] termios);
        [DllImport("libc")] private static extern void cfmakeraw(byte[] termios);
    }
}

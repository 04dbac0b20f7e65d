using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace CanIds.Hil.Tests
{
    /// <summary>Two connected pseudo-terminals made by socat: real serial ports on one machine.</summary>
    public sealed class PtyPair : IDisposable
    {
        private readonly Process _socat;

        public PtyPair()
        {
            var dir = CanIds.TestSupport.TestPaths.NewScratch();
            DeviceEnd = Path.Combine(dir, "device");
            HostEnd = Path.Combine(dir, "host");
            _socat = Process.Start(new ProcessStartInfo("socat", $"pty,raw,echo=0,link={DeviceEnd} pty,raw,echo=0,link={HostEnd}")
            {
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("socat did not start (scripts/setup.sh installs it)");
            for (int i = 0; i < 100 && !(File.Exists(DeviceEnd) && File.Exists(HostEnd)); i++) Thread.Sleep(20);
            if (!File.Exists(HostEnd)) throw new InvalidOperationException("socat made no pseudo-terminals");
        }

        /// <summary>The firmware's serial port.</summary>
        public string DeviceEnd { get; }

        /// <summary>The host tool's serial port.</summary>
        public string HostEnd { get; }

        public void Dispose()
        {
            if (!_socat.HasExited) _socat.Kill();
            _socat.Dispose();
        }
    }

    /// <summary>The firmware's main loop on a thread of its own, as on the device, until stopped (or its power is cut).</summary>
    public sealed class RunningFirmware : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public RunningFirmware(FirmwareRig rig)
        {
            Rig = rig;
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    rig.Clock.Advance(1000);
                    if (!rig.Round()) Thread.Sleep(1);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public FirmwareRig Rig { get; }

        /// <summary>Stops the loop where it is: a power cut, as far as the firmware is concerned.</summary>
        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}

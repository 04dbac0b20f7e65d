using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using CanIds.Cli.Cli;
using CanIds.Hil.VirtualDevice;
using CanIds.Traffic.Formats;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids device`: a virtual device on a pseudo-terminal (the firmware logic and the Verilated FPGA, in real time),
    /// for trying flash, replay and one's own scripts without a board. Runs until Ctrl-C; kill -9 is a power cut.
    /// </summary>
    public static class DeviceCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var storage = new Option<string>("--storage", "-s") { Description = "Folder of the device's flash (image store, key) and port link; kept across restarts.", DefaultValueFactory = _ => "canids-device" };
            var portLink = new Option<string?>("--port") { Description = "Path of the serial port link to create (default: STORAGE/port)." };
            var log = new Option<string?>("--log") { Description = "CAN log whose frames the device's bus carries (default: an idle bus)." };
            var from = FormatOption.Create("--from", "Format of --log; default: recognised from the content");
            var pace = new Option<string>("--pace") { Description = "recorded: at the log's timestamps; full-load: frames back to back at --bitrate.", DefaultValueFactory = _ => "recorded" };
            pace.AcceptOnlyFromAmong("recorded", "full-load");
            var bitRate = new Option<int>("--bitrate") { Description = "Bus bit rate for --pace full-load, bit/s.", DefaultValueFactory = _ => 500_000 };
            var loop = new Option<bool>("--loop") { Description = "Play the log again from the start when it ends." };
            var command = new Command("device", "Run a virtual device (firmware + Verilated FPGA) behind a pseudo-terminal, in real time: flash it, replay against it, kill it, restart it.")
            {
                storage, portLink, log, from, pace, bitRate, loop,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var logPath = parse.GetValue(log);
                var logFormat = parse.GetValue(from) is { } f ? LogFormats.Parse(f) : (LogFormat?)null;
                if (logPath != null)
                {
                    if (!File.Exists(logPath)) throw new FileNotFoundException($"{logPath}: no such file", logPath);
                    using var check = LogFormats.Open(logPath, logFormat); // a bad log fails now, not minutes later
                }

                Func<System.Collections.Generic.IEnumerable<Traffic.CanRecord>>? traffic = logPath == null ? null : () => LogFormats.Open(logPath, logFormat).ReadAll();
                using var stop = new CancellationTokenSource();
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
                var paceValue = parse.GetValue(pace) == "full-load" ? BusPace.FullLoad : BusPace.Recorded;
                using var device = new VirtualDevice(parse.GetValue(storage)!, parse.GetValue(portLink), traffic, paceValue, parse.GetValue(bitRate), parse.GetValue(loop));
                Console.WriteLine($"virtual device: firmware + Verilated FPGA (shipped build); flash in {Path.Combine(device.StorageDir, "flash")}");
                Console.WriteLine($"serial port: {device.Port.LinkPath} ({device.Port.SlavePath})");
                Console.WriteLine(logPath == null ? "CAN bus: idle" : $"CAN bus: {logPath}, {(paceValue == BusPace.FullLoad ? $"full load at {parse.GetValue(bitRate):N0} bit/s" : "recorded pace")}{(parse.GetValue(loop) ? ", looped" : "")}");
                Console.WriteLine("Ctrl-C stops it; kill -9 is a power cut (the flash folder keeps what was written).");
                device.Run(stop.Token, d => Console.WriteLine(
                    $"t={d.Microseconds / 1_000_000} s frames={d.FramesSent:N0} judged={d.App.Verdicts.Judged:N0} alerts={d.App.Verdicts.Attacks:N0} overruns={d.Overruns:N0} model={d.App.ActiveModelId:x8}"));
                Console.WriteLine($"stopped: {device.FramesSent:N0} frames, {device.App.Verdicts.Judged:N0} judged, {device.App.Verdicts.Attacks:N0} alerts, {device.Overruns:N0} overruns");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}

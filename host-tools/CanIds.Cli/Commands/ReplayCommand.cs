using System;
using System.CommandLine;
using CanIds.Cli.Cli;
using CanIds.Cli.Replay;
using CanIds.Hil.Replay;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids replay`: a log through the integer model, the firmware + RTL co-simulation, or a device on a serial port;
    /// detection metrics, the bit-exact check against the reference, and per-frame latency.
    /// </summary>
    public static class ReplayCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var data = new DataOptions("Log(s) to replay, in time order (default: generated traffic).", 10, 2, withWindow: false);
            var model = Models.Option("Model: the reference, and for the RTL the model the firmware loads (built-in: the bitstream's).");
            var target = new Option<string>("--target", "-t") { Description = "What judges the frames: model, rtl (firmware + Verilated FPGA), device (over --port).", DefaultValueFactory = _ => "rtl" };
            target.AcceptOnlyFromAmong("model", "rtl", "device");
            var pace = new Option<string>("--pace") { Description = "recorded: at the log's timestamps; full-load: frames back to back at --bitrate.", DefaultValueFactory = _ => "recorded" };
            pace.AcceptOnlyFromAmong("recorded", "full-load");
            var bitRate = new Option<int>("--bitrate") { Description = "Bus bit rate for --pace full-load, bit/s.", DefaultValueFactory = _ => 1_000_000 };
            var defaults = new LinkTimingModel();
            var fpgaMhz = new Option<double>("--fpga-mhz") { Description = "FPGA core clock (RTL target).", DefaultValueFactory = _ => defaults.FpgaMhz };
            var spiMhz = new Option<double>("--spi-mhz") { Description = "SPI clock, at most f_clk/8 (RTL target).", DefaultValueFactory = _ => defaults.SpiMhz };
            var frameUs = new Option<double>("--host-frame-us") { Description = "Firmware cost per frame on nanoCLR on the development host, µs (RTL target; measured by canids bench firmware).", DefaultValueFactory = _ => defaults.HostFrameUs };
            var transferUs = new Option<double>("--host-transfer-us") { Description = "Firmware cost per main-loop round with an SPI transfer on nanoCLR, µs (RTL target; measured likewise).", DefaultValueFactory = _ => defaults.HostTransferUs };
            var factor = new Option<double>("--board-factor") { Description = "Board time per host time for interpreted code (RTL target; default: the CoreMark ratio of the host to an STM32F746 at 216 MHz, docs/hil.md).", DefaultValueFactory = _ => defaults.BoardFactor };
            var port = new Option<string?>("--port", "-p") { Description = "Serial port of the device (device target)." };
            var baud = new Option<int>("--baud") { Description = "Baud rate of --port.", DefaultValueFactory = _ => 921_600 };
            var key = new Option<string?>("--key") { Description = "Device key file (device target): opens the HIL session that injecting frames needs." };
            var output = new Option<string>("--output", "-o") { Description = "Folder for the report (replay.md, latency-histogram.png, replay-confusion-matrix.png).", DefaultValueFactory = _ => "replay" };
            var command = new Command("replay", "Replay a log through the model, the firmware + RTL co-simulation, or a device; check every verdict and measure latency.")
            {
                model, target, pace, bitRate, fpgaMhz, spiMhz, frameUs, transferUs, factor, port, baud, key, output,
            };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var m = Models.Load(parse.GetValue(model)!);
                var settings = new ReplaySettings
                {
                    Target = Enum.Parse<ReplayTarget>(parse.GetValue(target)!, ignoreCase: true),
                    Pace = parse.GetValue(pace) == "full-load" ? ReplayPace.FullLoad : ReplayPace.Recorded,
                    BitRate = parse.GetValue(bitRate),
                    Timing = new LinkTimingModel { FpgaMhz = parse.GetValue(fpgaMhz), SpiMhz = parse.GetValue(spiMhz), HostFrameUs = parse.GetValue(frameUs), HostTransferUs = parse.GetValue(transferUs), BoardFactor = parse.GetValue(factor) },
                    Port = parse.GetValue(port),
                    Baud = parse.GetValue(baud),
                    KeyPath = parse.GetValue(key),
                };
                settings.Timing.Validate();
                var records = data.LoadRecords(parse);
                var result = ReplayRunner.Run(m, records, settings);
                ReplayReport.Write(result, parse.GetValue(output)!, m.Provenance.Name, data.Describe(parse));
                if (result.Mismatches > 0 && settings.Target != ReplayTarget.Model)
                {
                    Console.Error.WriteLine($"error: {result.Mismatches:N0} frames judged differently from the integer model");
                    return ExitCodes.CheckFailed;
                }

                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}

using System;
using System.CommandLine;
using System.IO;
using CanIds.Cli.Cli;
using CanIds.Core.Image;
using CanIds.Device;
using CanIds.Model.Export;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids flash`: a weight image onto a device over its serial port: checked here first, uploaded in acknowledged
    /// chunks (resuming an interrupted upload), read back, committed (the device verifies it, loads the FPGA, keeps the
    /// previous model for rollback). Also the device's status, rollback and one-time key provisioning.
    /// </summary>
    public static class FlashCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var image = new Argument<string?>("image") { Description = "Weight image (from canids export) to flash; omit with --status or --rollback.", Arity = ArgumentArity.ZeroOrOne };
            var port = new Option<string>("--port", "-p") { Description = "The device's serial port (e.g. /dev/ttyACM0, COM5).", Required = true };
            var baud = new Option<int>("--baud") { Description = "Baud rate.", DefaultValueFactory = _ => 921_600 };
            var key = new Option<string?>("--key") { Description = "Device key file: check the image's tag here before sending it." };
            var provision = new Option<string?>("--provision") { Description = "Store this key file on a device that has none (a manufacturing step; refused once a key is stored)." };
            var status = new Option<bool>("--status") { Description = "Only show the device's state." };
            var rollback = new Option<bool>("--rollback") { Description = "Make the device go back to its previous model." };
            var noCommit = new Option<bool>("--no-commit") { Description = "Upload and read back only; the device keeps running its current model." };
            var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each answer (requests are retried 5 times).", DefaultValueFactory = _ => 2 };
            var command = new Command("flash", "Flash a signed weight image to a device over its serial port (verified, resumable, with rollback).")
            {
                image, port, baud, key, provision, status, rollback, noCommit, timeout,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var path = parse.GetValue(image);
                bool onlyStatus = parse.GetValue(status), back = parse.GetValue(rollback);
                if (path == null && !onlyStatus && !back && parse.GetValue(provision) == null) throw new ArgumentException("give an image to flash, or --status, --rollback or --provision");
                if (path != null && back) throw new ArgumentException("--rollback takes no image");
                double seconds = parse.GetValue(timeout);
                if (!(seconds > 0)) throw new ArgumentException($"--timeout {seconds}: expected a positive number of seconds");
                byte[]? provisionKey = parse.GetValue(provision) is { } provisionPath ? WeightImageWriter.ReadKey(provisionPath) : null; // before any port I/O
                byte[]? bytes = null;
                WeightImage? parsed = null;
                if (path != null)
                {
                    bytes = File.ReadAllBytes(path);
                    parsed = Check(path, bytes, parse.GetValue(key)); // a bad image never reaches the device
                }

                using var line = new SerialLine(parse.GetValue(port)!, parse.GetValue(baud));
                var client = new DeviceClient(line, TimeSpan.FromSeconds(seconds));
                var info = client.Hello();
                if (provisionKey != null)
                {
                    if (info.KeyProvisioned) throw new ArgumentException($"{line.Name}: the device already holds a key; it is provisioned once");
                    client.Provision(provisionKey);
                    AnsiConsole.MarkupLine(Markup.Escape($"key from {parse.GetValue(provision)} stored on the device"));
                    info = client.Hello();
                }

                if (back)
                {
                    uint id = client.Rollback();
                    AnsiConsole.MarkupLine(Markup.Escape($"rolled back: the device runs model {id:x8}"));
                }
                else if (bytes != null && parsed != null)
                {
                    Flash(client, info, bytes, parsed, parse.GetValue(noCommit));
                }

                Show(client.Hello(), client.Status(), line.Name);
                return ExitCodes.Ok;
            }));
            return command;
        }

        private static WeightImage Check(string path, byte[] bytes, string? keyPath)
        {
            try
            {
                return keyPath == null ? WeightImage.Parse(bytes, bytes.Length) : WeightImage.Verify(bytes, bytes.Length, WeightImageWriter.ReadKey(keyPath));
            }
            catch (ImageFormatException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}; nothing was sent");
            }
        }

        private static void Flash(DeviceClient client, DeviceInfo info, byte[] bytes, WeightImage parsed, bool noCommit)
        {
            if (!info.KeyProvisioned) throw new ArgumentException("the device holds no key, so it cannot verify an image: provision it first (--provision KEYFILE)");
            if (bytes.Length > info.Capacity) throw new ArgumentException($"the image is {bytes.Length:N0} bytes, the device stores at most {info.Capacity:N0}");
            if (parsed.HardwareConfigId != info.ConfigId)
                throw new ArgumentException($"the image is for hardware {parsed.HardwareConfigId:x8}, the device's FPGA is {info.ConfigId:x8} (another network shape or folding): export the model for this FPGA");
            long resumedAt = -1;
            AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var upload = progress.AddTask("upload", maxValue: bytes.Length);
                    client.Upload(bytes, info.MaxChunk, (done, _) =>
                    {
                        if (resumedAt < 0) resumedAt = done;
                        upload.Value = done;
                    });
                    var verify = progress.AddTask("read back", maxValue: bytes.Length);
                    client.VerifyReadBack(bytes, (done, _) => verify.Value = done);
                });
            if (resumedAt > 0) AnsiConsole.MarkupLine(Markup.Escape($"resumed at byte {resumedAt:N0} of {bytes.Length:N0}: the device kept what an interrupted upload of this image had sent"));
            if (noCommit)
            {
                AnsiConsole.MarkupLine("uploaded and read back; not committed (--no-commit): the device runs its previous model");
                return;
            }

            uint id = AnsiConsole.Status().Start("device verifying the image and loading the FPGA", _ => client.Commit());
            if (id != parsed.ModelId) throw new InvalidOperationException($"the device reports model {id:x8} after the commit, the image is {parsed.ModelId:x8}");
            string previous = client.Hello().HasPrevious
                ? "the previous image is kept for --rollback"
                : "no earlier image is stored (the model before was the bitstream's), so there is nothing to roll back to yet";
            AnsiConsole.MarkupLine(Markup.Escape($"[flashed] {parsed.Name}: model {id:x8} is active; {previous} ({client.Retries} retries)"));
        }

        private static void Show(DeviceInfo info, string status, string port)
        {
            var table = new Table().Title(Markup.Escape(port)).AddColumns("field", "value");
            table.AddRow("active model", $"{info.ActiveModelId:x8}");
            table.AddRow("FPGA hardware config", $"{info.ConfigId:x8}");
            table.AddRow("previous model kept", info.HasPrevious ? "yes" : "no");
            table.AddRow("key provisioned", info.KeyProvisioned ? "yes" : "no");
            table.AddRow("image capacity", $"{info.Capacity:N0} bytes");
            table.AddRow("status", Markup.Escape(status));
            AnsiConsole.Write(table);
        }
    }
}

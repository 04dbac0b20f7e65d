using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Core.Image;
using CanIds.Model.Export;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids verify`: checks a weight image exactly as the firmware does (header, CRC-32, HMAC-SHA256 tag).</summary>
    public static class VerifyCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var image = new Argument<string>("image") { Description = "Weight image to check." };
            var key = new Option<string>("--key") { Description = "Device key file.", Required = true };
            var command = new Command("verify", "Verify a weight image's format, CRC-32 and HMAC-SHA256 tag with the device key (exit code 65 when it does not verify).") { image, key };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var path = parse.GetValue(image)!;
                var bytes = File.ReadAllBytes(path);
                WeightImage parsed;
                try
                {
                    parsed = WeightImage.Verify(bytes, bytes.Length, WeightImageWriter.ReadKey(parse.GetValue(key)!));
                }
                catch (ImageFormatException e)
                {
                    Console.Error.WriteLine($"error: {path}: {e.Message}");
                    return ExitCodes.DataError;
                }

                var table = new Table().AddColumns("field", "value");
                table.AddRow("model", Markup.Escape(parsed.Name));
                table.AddRow("model id", $"{parsed.ModelId:x8}");
                table.AddRow("hardware config id", $"{parsed.HardwareConfigId:x8}");
                table.AddRow("created", DateTimeOffset.FromUnixTimeSeconds(parsed.CreatedUnixSeconds).ToString("u", CultureInfo.InvariantCulture));
                table.AddRow("input", $"format v{parsed.InputFormatVersion}, {parsed.WindowFrames} frames");
                table.AddRow("layers", Markup.Escape(string.Join(" → ", parsed.Layers.Select(l => $"{l.Inputs}x{l.Outputs} w{l.WeightBits}" + (l.ActivationBits > 0 ? $"a{l.ActivationBits}" : "") + $" (PE×SIMD {l.Pe}×{l.Simd})"))));
                table.AddRow("classes", Markup.Escape(string.Join(", ", parsed.Classes)));
                table.AddRow("identifier rule", Markup.Escape(parsed.Identifiers is { } known
                    ? $"{known.Count} known identifier words; a frame on any other that the network calls benign is {parsed.Classes[known.ForeignClass]}"
                    : "none"));
                table.AddRow("size", $"{parsed.TotalLength:N0} bytes (payload {parsed.PayloadLength:N0})");
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine("[green]verified[/]: CRC-32 and HMAC-SHA256 tag match");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}

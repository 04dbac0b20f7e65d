using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using CanIds.Cli.Cli;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids keygen`: a random 256-bit device key, as hex, for signing images and provisioning devices.</summary>
    public static class KeygenCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var output = new Option<string>("--output", "-o") { Description = "Key file to write (refuses to overwrite).", Required = true };
            var command = new Command("keygen", "Make a random 256-bit device key (hex) for weight images; provision the same key on the device.") { output };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var path = parse.GetValue(output)!;
                if (File.Exists(path)) throw new ArgumentException($"{path} exists; a key is not overwritten (devices may hold it)");
                File.WriteAllText(path, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant() + "\n");
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                Console.WriteLine($"key: {path} (keep it secret; the firmware's provisioning takes the same 64 hex digits)");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}

using System;
using System.CommandLine;
using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids demo`: the main job. For now it pushes a built-in frame sequence through the firmware's receive path
    /// (compiled for .NET) and prints each frame's model input; later stages add training, export and RTL replay.
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var window = new Option<int>("--window", "-n")
            {
                Description = "Frames per model input window (N).",
                DefaultValueFactory = _ => InputFormat.DefaultWindowFrames,
            };
            window.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--window must be 1..64 frames.");
            });

            var command = new Command("demo", "Run the end-to-end demo on built-in data.") { window };
            command.SetAction(parse => Run(parse.GetValue(window)));
            return command;
        }

        private static int Run(int frames)
        {
            var bus = new BuiltInTraffic();
            var printer = new WindowPrinter();
            var window = new FrameWindow(frames);
            var frame = new CanFrame();
            var input = new byte[window.InputLength];
            int received = 0;
            while (bus.TryReceive(frame))
            {
                window.Push(frame);
                window.CopyTo(input, 0);
                printer.OnWindow(frame, input);
                received++;
            }

            Console.WriteLine($"{received} frames → {received} windows of {frames} × {InputFormat.BytesPerFrame} bytes (input format v{InputFormat.Version}); CRC-32 of all windows 0x{printer.Crc:X8}");
            return 0;
        }

        /// <summary>A few frames in the style of the Car-Hacking captures: periodic ECUs, one RPM spoof, a DoS frame.</summary>
        private sealed class BuiltInTraffic : ICanBus
        {
            private static readonly (uint Id, byte[] Data)[] Frames =
            {
                (0x316, new byte[] { 0x05, 0x21, 0x68, 0x09, 0x21, 0x21, 0x00, 0x6F }),
                (0x018F, new byte[] { 0xFE, 0x5B, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x00 }),
                (0x0260, new byte[] { 0x19, 0x21, 0x22, 0x30, 0x08, 0x8E, 0x6D, 0x3A }),
                (0x02A0, new byte[] { 0x64, 0x00, 0x9A, 0x1D, 0x97, 0x02, 0xBD, 0x00 }),
                (0x0329, new byte[] { 0x40, 0xBB, 0x7F, 0x14, 0x11, 0x20, 0x00, 0x14 }),
                (0x316, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }),
                (0x000, new byte[] { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }),
                (0x043F, new byte[] { 0x01, 0x45, 0x60, 0xFF, 0x6B, 0x00, 0x00, 0x00 }),
            };

            private int _next;

            public event FramesArrivedHandler? FramesArrived { add { } remove { } }

            public bool TryReceive(CanFrame frame)
            {
                if (_next == Frames.Length) return false;
                var (id, data) = Frames[_next++];
                frame.Set(id, false, false, data, 0, data.Length);
                return true;
            }
        }

        private sealed class WindowPrinter
        {
            public uint Crc { get; private set; }

            public void OnWindow(CanFrame newest, byte[] input)
            {
                Crc = Crc32.Update(Crc, input, 0, input.Length);
                Console.WriteLine($"0x{newest.Id:X3}  {Convert.ToHexString(input)}");
            }
        }
    }
}

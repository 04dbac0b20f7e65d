using System;
using System.IO;
using CanIds.Traffic.Files;
using CanIds.Traffic.Formats;

namespace CanIds.Cli.Cli
{
    /// <summary>Runs a verb's work and turns the errors users cause into one clear line and an exit code.</summary>
    public static class Guarded
    {
        /// <summary>Runs <paramref name="work"/>; known errors print "error: ..." on stderr.</summary>
        public static int Run(Func<int> work)
        {
            using var inputs = CommandInputs.Begin(); // no output of this verb may replace what it read
            try
            {
                return work();
            }
            catch (CanLogFormatException e)
            {
                return Fail(e.Message, ExitCodes.DataError);
            }
            catch (CanIds.Model.Integer.ModelFileException e)
            {
                return Fail(e.Message, ExitCodes.DataError);
            }
            catch (CanIds.Core.Image.ImageFormatException e)
            {
                return Fail(e.Message, ExitCodes.DataError);
            }
            catch (InvalidDataException e)
            {
                return Fail(e.Message, ExitCodes.DataError);
            }
            catch (CanIds.Device.DeviceRefusedException e)
            {
                return Fail(e.Message, ExitCodes.DataError);
            }
            catch (CanIds.Device.DeviceUnavailableException e)
            {
                return Fail(e.Message, ExitCodes.Unavailable);
            }
            catch (TimeoutException e)
            {
                return Fail(e.Message, ExitCodes.Unavailable);
            }
            catch (CanIds.Fpga.Sim.ToolMissingException e)
            {
                return Fail(e.Message, ExitCodes.Unavailable);
            }
            catch (InvalidOperationException e)
            {
                return Fail(e.Message, ExitCodes.Software);
            }
            catch (NotSupportedException e)
            {
                return Fail(e.Message, ExitCodes.DataError);
            }
            catch (ArgumentException e)
            {
                return Fail(e.Message, ExitCodes.Usage);
            }
            catch (FileNotFoundException e)
            {
                return Fail($"{e.FileName ?? e.Message}: no such file", ExitCodes.NoInput);
            }
            catch (DirectoryNotFoundException e)
            {
                return Fail(e.Message, ExitCodes.NoInput);
            }
            catch (IOException e)
            {
                return Fail(e.Message, ExitCodes.IoError);
            }
            catch (UnauthorizedAccessException e)
            {
                return Fail(e.Message, ExitCodes.IoError);
            }
        }

        private static int Fail(string message, int code)
        {
            Console.Error.WriteLine($"error: {message}");
            return code;
        }
    }
}

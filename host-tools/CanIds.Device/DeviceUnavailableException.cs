using System;
using System.IO;

namespace CanIds.Device
{
    /// <summary>The device's serial port does not exist or cannot be opened (the command line's exit code 69).</summary>
    public sealed class DeviceUnavailableException : IOException
    {
        /// <summary>The port could not be used; <paramref name="message"/> names it.</summary>
        public DeviceUnavailableException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}

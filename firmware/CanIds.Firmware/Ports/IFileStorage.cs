namespace CanIds.Firmware.Ports
{
    /// <summary>
    /// Persistent storage of a few named files (the MCU's internal flash). What the image store needs and nothing
    /// more, so the device adapter stays thin and tests can simulate power loss between any two writes.
    /// </summary>
    public interface IFileStorage
    {
        /// <summary>The file's length, or −1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many were read.</summary>
        int Read(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>Writes bytes at <paramref name="position"/> (creating or extending the file) and makes them durable.</summary>
        void Write(string name, int position, byte[] data, int offset, int count);

        /// <summary>Removes the file, if it exists.</summary>
        void Delete(string name);
    }
}

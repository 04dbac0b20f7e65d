namespace CanIds.Firmware.Update
{
    /// <summary>Verifies a weight image and makes it the FPGA's active model.</summary>
    public interface IModelActivator
    {
        /// <summary>
        /// Checks <paramref name="length"/> image bytes (format, CRC-32, HMAC tag, shape) and loads them into the FPGA.
        /// Returns an UpdateProtocol result code; on failure <see cref="Reason"/> says why and the previous model is
        /// still active.
        /// </summary>
        int Activate(byte[] image, int length);

        /// <summary>Why the last activation failed.</summary>
        string Reason { get; }

        /// <summary>The active model's id (the CRC-32 of its payload).</summary>
        uint ActiveModelId { get; }

        /// <summary>The FPGA's hardware config id (0 when it does not answer).</summary>
        uint ConfigId { get; }

        /// <summary>True when a device key is provisioned.</summary>
        bool HasKey { get; }

        /// <summary>Stores the device key; false when one is provisioned already (keys are set once).</summary>
        bool Provision(byte[] key, int offset, int length);

        /// <summary>One status line per item, for the STATUS request.</summary>
        string StatusText();
    }
}

using CanIds.Core;

namespace CanIds.Firmware.Detection
{
    /// <summary>Takes the model input of each received frame, in reception order.</summary>
    public interface IWindowSink
    {
        /// <summary>
        /// <paramref name="input"/> holds the window whose newest frame is <paramref name="newest"/>
        /// (<see cref="FrameWindow.InputLength"/> bytes from index 0). Both are reused for the next frame:
        /// copy what must outlive the call.
        /// </summary>
        void OnWindow(CanFrame newest, byte[] input);
    }
}

using CanIds.Core;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The sliding window: newest frame last, zero rows before the first frames, slides by one.</summary>
    [TestClass]
    public class FrameWindowTests
    {
        private static CanFrame Frame(uint id, byte fill)
        {
            CanFrame frame = new CanFrame();
            frame.Set(id, false, false, new byte[] { fill, fill, fill, fill, fill, fill, fill, fill }, 0, 8);
            return frame;
        }

        [TestMethod]
        public void FirstFrameIsTheLastRowAndEarlierRowsAreZero()
        {
            FrameWindow window = new FrameWindow(4);
            window.Push(Frame(0x316, 0x77));
            byte[] input = new byte[window.InputLength];
            window.CopyTo(input, 0);
            Assert.AreEqual(40, input.Length);
            for (int i = 0; i < 30; i++)
            {
                Assert.AreEqual((byte)0, input[i], "byte " + i);
            }

            Assert.AreEqual((byte)0x03, input[30]);
            Assert.AreEqual((byte)0x16, input[31]);
            Assert.AreEqual((byte)0x77, input[39]);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(7)]
        public void WindowHoldsTheLastFramesOldestFirst(int frames)
        {
            FrameWindow window = new FrameWindow(frames);
            int pushed = frames * 3 + 1;
            for (int n = 0; n < pushed; n++)
            {
                window.Push(Frame((uint)n, (byte)n));
            }

            byte[] input = new byte[window.InputLength + 3];
            window.CopyTo(input, 3);
            for (int row = 0; row < frames; row++)
            {
                int expected = pushed - frames + row;
                Assert.AreEqual((byte)expected, input[3 + row * 10 + 1], "ID low byte of row " + row);
                Assert.AreEqual((byte)expected, input[3 + row * 10 + 9], "last payload byte of row " + row);
            }

            Assert.AreEqual((long)pushed, window.Pushed);
        }

        [TestMethod]
        public void ClearForgetsEveryFrame()
        {
            FrameWindow window = new FrameWindow(4);
            for (int n = 1; n <= 6; n++)
            {
                window.Push(Frame((uint)n, 0xFF));
            }

            window.Clear();
            byte[] input = new byte[window.InputLength];
            window.CopyTo(input, 0);
            for (int i = 0; i < input.Length; i++)
            {
                Assert.AreEqual((byte)0, input[i]);
            }

            Assert.AreEqual(0L, window.Pushed);
        }
    }
}

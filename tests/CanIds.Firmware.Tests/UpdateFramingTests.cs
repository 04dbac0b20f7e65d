using System;
using CanIds.Core.Update;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>Update-protocol frames survive the wire, and the decoder recovers from damage at the next delimiter.</summary>
    [TestClass]
    public class UpdateFramingTests
    {
        // Appends a frame of `payload` bytes (fill, fill+1, ...) to `wire` at `at`; returns the new end.
        private static int Append(byte[] wire, int at, byte type, byte seq, byte fill, int payload)
        {
            byte[] frame = new byte[2 + payload + 2];
            UpdateProtocol.Start(frame, type, seq);
            for (int i = 0; i < payload; i++) frame[2 + i] = (byte)(fill + i);
            byte[] sealedFrame = new byte[Cobs.MaxEncodedLength(frame.Length) + 2];
            int n = UpdateProtocol.Seal(frame, 2 + payload, sealedFrame);
            Array.Copy(sealedFrame, 0, wire, at, n);
            return at + n;
        }

        [TestMethod]
        public void DecodesFramesBackToBackInAByteStream()
        {
            byte[] wire = new byte[2000];
            int n = Append(wire, 0, UpdateProtocol.Chunk, 7, 0, 300);
            n = Append(wire, n, UpdateProtocol.Hello, 8, 5, 0);
            FrameDecoder decoder = new FrameDecoder(UpdateProtocol.MaxFrame);
            int frames = 0;
            for (int i = 0; i < n; i++)
            {
                int length = decoder.Push(wire[i]);
                if (length == 0) continue;
                frames++;
                if (frames == 1)
                {
                    Assert.AreEqual(2 + 300 + 2, length);
                    Assert.AreEqual(UpdateProtocol.Chunk, decoder.Frame[0]);
                    Assert.AreEqual((byte)7, decoder.Frame[1]);
                    for (int k = 0; k < 300; k++) Assert.AreEqual((byte)k, decoder.Frame[2 + k]);
                }
                else
                {
                    Assert.AreEqual(UpdateProtocol.Hello, decoder.Frame[0]);
                    Assert.AreEqual((byte)8, decoder.Frame[1]);
                }
            }

            Assert.AreEqual(2, frames);
            Assert.AreEqual(0, decoder.Dropped);
        }

        [TestMethod]
        public void DropsADamagedFrameAndDecodesTheNext()
        {
            byte[] wire = new byte[1000];
            int first = Append(wire, 0, UpdateProtocol.Chunk, 1, 9, 40);
            wire[10] ^= 0x40;
            int n = Append(wire, first, UpdateProtocol.Status, 2, 0, 0);
            FrameDecoder decoder = new FrameDecoder(UpdateProtocol.MaxFrame);
            int good = 0;
            for (int i = 0; i < n; i++)
            {
                if (decoder.Push(wire[i]) > 0)
                {
                    good++;
                    Assert.AreEqual(UpdateProtocol.Status, decoder.Frame[0]);
                }
            }

            Assert.AreEqual(1, good);
            Assert.AreEqual(1, decoder.Dropped);
        }

        [TestMethod]
        public void DropsAnOverlongFrame()
        {
            FrameDecoder decoder = new FrameDecoder(16);
            for (int i = 0; i < 100; i++) Assert.AreEqual(0, decoder.Push(0x41));
            Assert.AreEqual(0, decoder.Push(0));
            Assert.AreEqual(1, decoder.Dropped);
        }
    }
}

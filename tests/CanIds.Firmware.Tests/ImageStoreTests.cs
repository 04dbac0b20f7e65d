using CanIds.Firmware.Tests.Simulation;
using CanIds.Firmware.Update;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The image store keeps the active image through power loss at any write, and rolls back on demand.</summary>
    [TestClass]
    public class ImageStoreTests
    {
        private static byte[] Image(int length, byte seed)
        {
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = (byte)(seed + i * 31);
            return b;
        }

        private static void Upload(ImageStore store, byte[] image, int chunk)
        {
            store.StartStaging(image.Length, CanIds.Core.Crc32.Compute(image, 0, image.Length));
            for (int at = 0; at < image.Length; at += chunk) store.AppendStaging(image, at, image.Length - at < chunk ? image.Length - at : chunk);
        }

        private static bool Holds(ImageStore store, byte[] image)
        {
            byte[] buffer = new byte[4096];
            int n = store.ReadActive(buffer);
            if (n != image.Length) return false;
            for (int i = 0; i < n; i++)
            {
                if (buffer[i] != image[i]) return false;
            }

            return true;
        }

        [TestMethod]
        public void PromotesAnUploadAndRollsBack()
        {
            MemoryStorage flash = new MemoryStorage();
            ImageStore store = new ImageStore(flash, 4096);
            Assert.IsFalse(store.HasActive);
            byte[] a = Image(1000, 1), b = Image(1500, 2);
            Upload(store, a, 256);
            store.PromoteStaging();
            Assert.IsTrue(Holds(store, a));
            Assert.IsFalse(store.HasPrevious);
            Upload(store, b, 300);
            store.PromoteStaging();
            Assert.IsTrue(Holds(store, b));
            Assert.IsTrue(store.HasPrevious);
            store.Rollback();
            Assert.IsTrue(Holds(store, a));
            // A store opened afresh (a reboot) sees the same.
            Assert.IsTrue(Holds(new ImageStore(flash, 4096), a));
        }

        [TestMethod]
        public void AnUploadResumesWhereItStopped()
        {
            MemoryStorage flash = new MemoryStorage();
            ImageStore store = new ImageStore(flash, 4096);
            byte[] image = Image(900, 3);
            uint crc = CanIds.Core.Crc32.Compute(image, 0, image.Length);
            store.StartStaging(image.Length, crc);
            store.AppendStaging(image, 0, 400);
            ImageStore rebooted = new ImageStore(flash, 4096);
            Assert.IsTrue(rebooted.StagingMatches(image.Length, crc));
            Assert.AreEqual(400, rebooted.StagedLength);
            Assert.IsFalse(rebooted.StagingMatches(image.Length, crc ^ 1));
        }

        [TestMethod]
        public void PowerLossAtAnyWriteNeverCorruptsTheActiveImage()
        {
            byte[] old = Image(700, 4), fresh = Image(800, 5);
            for (int cut = 0; cut < 40; cut++)
            {
                MemoryStorage flash = new MemoryStorage();
                ImageStore store = new ImageStore(flash, 4096);
                Upload(store, old, 256);
                store.PromoteStaging();
                flash.WritesUntilPowerLoss = cut;
                bool finished = true;
                try
                {
                    Upload(store, fresh, 128);
                    store.PromoteStaging();
                }
                catch (PowerLossException)
                {
                    finished = false;
                }

                ImageStore rebooted = new ImageStore(flash, 4096);
                bool isOld = Holds(rebooted, old), isFresh = Holds(rebooted, fresh);
                Assert.IsTrue(isOld || isFresh, "after a power loss at write " + cut + " the active image is neither model");
                if (finished) Assert.IsTrue(isFresh);
            }
        }
    }
}

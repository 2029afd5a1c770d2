using System.Runtime.InteropServices;

namespace BmcExporter.Compression;

/// <summary>
/// The system zlib (<c>libz.so.1</c>), for the one thing <see cref="System.IO.Compression.DeflateStream"/> cannot
/// do: a full flush (<c>Z_FULL_FLUSH</c>), which ends a piece on a byte boundary AND forgets the dictionary, so
/// pieces compressed one after another can later be concatenated in any order into one valid deflate stream
/// (RFC 1951 §3.2.4 stored blocks; zlib manual, <c>deflate()</c>).
/// </summary>
internal static unsafe partial class ZLib
{
    public const int SyncFlush = 2;
    public const int FullFlush = 3;
    public const int Ok = 0;
    public const int BufError = -5;

    private const string Library = "libz.so.1";

    /// <summary>zlib's <c>z_stream</c> on LP64 and ILP32 (uLong is the native word).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public IntPtr Msg;
        public IntPtr State;
        public IntPtr ZAlloc;
        public IntPtr ZFree;
        public IntPtr Opaque;
        public int DataType;
        public nuint Adler;
        public nuint Reserved;
    }

    [LibraryImport(Library, EntryPoint = "deflateInit2_", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int DeflateInit2(ZStream* stream, int level, int method, int windowBits, int memLevel, int strategy, string version, int streamSize);

    [LibraryImport(Library, EntryPoint = "deflate")]
    public static partial int Deflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "deflateEnd")]
    public static partial int DeflateEnd(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateInit2_", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int InflateInit2(ZStream* stream, int windowBits, string version, int streamSize);

    [LibraryImport(Library, EntryPoint = "inflate")]
    public static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "inflateReset")]
    public static partial int InflateReset(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateEnd")]
    public static partial int InflateEnd(ZStream* stream);
}

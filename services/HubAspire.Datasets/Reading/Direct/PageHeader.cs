using Parquet.Meta;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// The fields of a Parquet page header (parquet.thrift <c>PageHeader</c> with its data page,
/// data page V2 and dictionary page headers) that decoding a flat column needs.
/// </summary>
internal readonly record struct PageHeader(
    PageType Type,
    int UncompressedSize,
    int CompressedSize,
    int ValueCount,
    Encoding Encoding,
    Encoding DefinitionLevelEncoding,
    int NullCount,
    int DefinitionLevelsLength,
    int RepetitionLevelsLength,
    bool IsCompressed)
{
    /// <summary>Parses the header at the start of <paramref name="data"/>; <paramref name="length"/> is its size in bytes.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> data, out int length)
    {
        var thrift = new CompactProtocol(data);
        int? type = null, uncompressed = null, compressed = null;
        PageHeader page = default;
        var hasTypeHeader = false;
        var id = 0;
        for (var (wire, field) = thrift.ReadFieldHeader(ref id); wire != CompactProtocol.Stop; (wire, field) = thrift.ReadFieldHeader(ref id))
        {
            switch (field)
            {
                case 1: type = thrift.ReadI32(wire); break;
                case 2: uncompressed = thrift.ReadI32(wire); break;
                case 3: compressed = thrift.ReadI32(wire); break;
                case 5 when wire == CompactProtocol.Struct: page = ReadDataPage(ref thrift); hasTypeHeader = true; break;
                case 7 when wire == CompactProtocol.Struct: page = ReadDictionaryPage(ref thrift); hasTypeHeader = true; break;
                case 8 when wire == CompactProtocol.Struct: page = ReadDataPageV2(ref thrift); hasTypeHeader = true; break;
                default: thrift.Skip(wire); break;
            }
        }

        if (type is not { } pageType || uncompressed is not ({ } uncompressedSize and >= 0) || compressed is not ({ } compressedSize and >= 0))
        {
            throw new InvalidDataException("a page header lacks its type or sizes");
        }

        if (!hasTypeHeader && pageType is (int)PageType.DATA_PAGE or (int)PageType.DATA_PAGE_V2 or (int)PageType.DICTIONARY_PAGE)
        {
            throw new InvalidDataException($"a {(PageType)pageType} header lacks its page details");
        }

        length = thrift.Position;
        return page with { Type = (PageType)pageType, UncompressedSize = uncompressedSize, CompressedSize = compressedSize };
    }

    private delegate PageHeader FieldReader(ref CompactProtocol thrift, int field, int wire, PageHeader page);

    private static PageHeader ReadDataPage(ref CompactProtocol thrift) =>
        ReadStruct(ref thrift, new PageHeader { IsCompressed = true }, static (ref thrift, field, wire, page) => field switch
        {
            1 => page with { ValueCount = NonNegative(thrift.ReadI32(wire)) },
            2 => page with { Encoding = (Encoding)thrift.ReadI32(wire) },
            3 => page with { DefinitionLevelEncoding = (Encoding)thrift.ReadI32(wire) },
            _ => Skipped(ref thrift, wire, page),
        });

    /// <remarks>V2 levels are always RLE, without a length prefix (their lengths are in the header).</remarks>
    private static PageHeader ReadDataPageV2(ref CompactProtocol thrift) =>
        ReadStruct(ref thrift, new PageHeader { IsCompressed = true, DefinitionLevelEncoding = Encoding.RLE }, static (ref thrift, field, wire, page) => field switch
        {
            1 => page with { ValueCount = NonNegative(thrift.ReadI32(wire)) },
            2 => page with { NullCount = NonNegative(thrift.ReadI32(wire)) },
            4 => page with { Encoding = (Encoding)thrift.ReadI32(wire) },
            5 => page with { DefinitionLevelsLength = NonNegative(thrift.ReadI32(wire)) },
            6 => page with { RepetitionLevelsLength = NonNegative(thrift.ReadI32(wire)) },
            7 => page with { IsCompressed = CompactProtocol.ReadBool(wire) },
            _ => Skipped(ref thrift, wire, page),
        });

    private static PageHeader ReadDictionaryPage(ref CompactProtocol thrift) =>
        ReadStruct(ref thrift, new PageHeader { IsCompressed = true }, static (ref thrift, field, wire, page) => field switch
        {
            1 => page with { ValueCount = NonNegative(thrift.ReadI32(wire)) },
            2 => page with { Encoding = (Encoding)thrift.ReadI32(wire) },
            _ => Skipped(ref thrift, wire, page),
        });

    /// <summary>Reads a nested struct's fields up to its stop byte, each through <paramref name="read"/>.</summary>
    private static PageHeader ReadStruct(ref CompactProtocol thrift, PageHeader page, FieldReader read)
    {
        var id = 0;
        for (var (wire, field) = thrift.ReadFieldHeader(ref id); wire != CompactProtocol.Stop; (wire, field) = thrift.ReadFieldHeader(ref id))
        {
            page = read(ref thrift, field, wire, page);
        }

        return page;
    }

    private static PageHeader Skipped(ref CompactProtocol thrift, int wire, PageHeader page)
    {
        thrift.Skip(wire);
        return page;
    }

    private static int NonNegative(int value) =>
        value >= 0 ? value : throw new InvalidDataException($"a page header holds a negative count ({value})");
}

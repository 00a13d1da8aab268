namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// Reads Thrift's compact protocol, just enough of it for Parquet page headers: integers,
/// booleans, and skipping anything else. Every read is bounds-checked, so a corrupt header
/// fails with an exception instead of reading past its page.
/// </summary>
internal ref struct CompactProtocol(ReadOnlySpan<byte> data)
{
    public const int Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    private const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    /// <summary>The next field's wire type and id, or <see cref="Stop"/> at the end of a struct.</summary>
    public (int Type, int Id) ReadFieldHeader(ref int previousId)
    {
        var header = ReadByte();
        if (header == Stop)
        {
            return (Stop, 0);
        }

        var delta = header >> 4;
        previousId = delta != 0 ? previousId + delta : (short)ReadZigZag();
        return (header & 0x0F, previousId);
    }

    public int ReadI32(int type)
    {
        Expect(type, I32);
        return checked((int)ReadZigZag());
    }

    public static bool ReadBool(int type) => type switch
    {
        True => true,
        False => false,
        _ => throw new InvalidDataException($"expected a boolean field, found wire type {type}"),
    };

    public void Skip(int type, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("page header nested too deeply");
        }

        switch (type)
        {
            case True or False:
                break;
            case Byte:
                ReadByte();
                break;
            case I16 or I32 or I64:
                ReadVarint();
                break;
            case Double:
                Advance(8);
                break;
            case Binary:
                Advance(checked((int)ReadVarint()));
                break;
            case List or Set:
                var header = ReadByte();
                var count = header >> 4 == 15 ? checked((int)ReadVarint()) : header >> 4;
                for (var i = 0; i < count; i++)
                {
                    SkipElement(header & 0x0F, depth + 1);
                }

                break;
            case Map:
                var entries = checked((int)ReadVarint());
                if (entries > 0)
                {
                    var types = ReadByte();
                    for (var i = 0; i < entries; i++)
                    {
                        SkipElement(types >> 4, depth + 1);
                        SkipElement(types & 0x0F, depth + 1);
                    }
                }

                break;
            case Struct:
                var id = 0;
                for (var (fieldType, _) = ReadFieldHeader(ref id); fieldType != Stop; (fieldType, _) = ReadFieldHeader(ref id))
                {
                    Skip(fieldType, depth + 1);
                }

                break;
            default:
                throw new InvalidDataException($"unknown Thrift wire type {type} in a page header");
        }
    }

    /// <summary>Booleans inside lists and maps take a byte each, unlike boolean fields.</summary>
    private void SkipElement(int type, int depth)
    {
        if (type is True or False)
        {
            ReadByte();
            return;
        }

        Skip(type, depth);
    }

    private static void Expect(int type, int expected)
    {
        if (type != expected)
        {
            throw new InvalidDataException($"expected wire type {expected} in a page header, found {type}");
        }
    }

    private long ReadZigZag()
    {
        var value = ReadVarint();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("a variable-length integer in a page header is too long");
    }

    private byte ReadByte() =>
        Position < _data.Length ? _data[Position++] : throw new InvalidDataException("a page header runs past the end of its column chunk");

    private void Advance(int count)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            throw new InvalidDataException("a page header runs past the end of its column chunk");
        }

        Position += count;
    }
}

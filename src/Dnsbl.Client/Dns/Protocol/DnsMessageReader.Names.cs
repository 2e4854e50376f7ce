namespace Dnsbl.Client.Dns.Protocol;

internal ref partial struct DnsMessageReader
{
    // RFC 1035 §4.1.4: a pointer's offset has 14 bits.
    private const int MaxPointerTarget = 0x3FFF;

    /// <summary>
    /// Reads a possibly compressed name (RFC 1035 §4.1.4). Each pointer must point strictly before the labels being
    /// read when it was met (so chains always move backward and cannot loop), pointer hops are capped, reserved label
    /// types are rejected and the expanded name may not exceed 255 octets.
    /// </summary>
    public bool TryReadName(out string name)
    {
        if (TryReuseRememberedName(out name))
        {
            return true;
        }

        int start = _position;
        Span<byte> labels = stackalloc byte[DnsProtocolLimits.MaxNameLength];
        if (!TryCopyLabels(labels, out int length, out int pointers))
        {
            return false;
        }

        name = DnsName.FromLabels(labels[..length], _rememberedName ?? _expectedName);
        if (_rememberedName is null && pointers == 0 && start <= MaxPointerTarget)
        {
            // Usually the question's name, which answer owners point back to (RFC 1035 §4.1.4).
            _rememberedName = name;
            _rememberedNameOffset = start;
        }

        return true;
    }

    /// <summary>Checks a name like <see cref="TryReadName"/> and moves past it, without building its text.</summary>
    public bool TrySkipName()
    {
        Span<byte> labels = stackalloc byte[DnsProtocolLimits.MaxNameLength];
        return TryCopyLabels(labels, out _, out _);
    }

    /// <summary>
    /// A name that is nothing but a pointer to the remembered name is that name: the text is already known, and every
    /// check passed when it was read (it used no pointer, so this one is the only hop; it lies before this position).
    /// </summary>
    private bool TryReuseRememberedName(out string name)
    {
        name = string.Empty;
        if (_rememberedName is null || _position + 1 >= _message.Length)
        {
            return false;
        }

        int pointer = (_message[_position] << 8) | _message[_position + 1];
        if (pointer != ((DnsProtocolLimits.PointerMarker << 8) | _rememberedNameOffset))
        {
            return false;
        }

        name = _rememberedName;
        _position += 2;
        return true;
    }

    /// <summary>
    /// Follows the name at the current position and copies it uncompressed into <paramref name="labels"/>: each label's
    /// length octet and octets, the root octet left out.
    /// </summary>
    private bool TryCopyLabels(scoped Span<byte> labels, out int length, out int pointers)
    {
        length = 0;
        pointers = 0;
        int position = _position;
        int segmentStart = _position;
        int resumeAt = -1;
        while (true)
        {
            if (position >= _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            byte lengthOctet = _message[position];
            int labelType = lengthOctet & DnsProtocolLimits.PointerMarker;
            if (labelType == DnsProtocolLimits.PointerMarker)
            {
                if (position + 1 >= _message.Length)
                {
                    return Fail(DnsParseError.Truncated);
                }

                int target = ((lengthOctet & ~DnsProtocolLimits.PointerMarker) << 8) | _message[position + 1];
                if (++pointers > DnsProtocolLimits.MaxCompressionPointers)
                {
                    return Fail(DnsParseError.TooManyPointers);
                }

                if (target >= segmentStart)
                {
                    return Fail(DnsParseError.PointerNotBackward);
                }

                if (resumeAt < 0)
                {
                    resumeAt = position + 2;
                }

                position = target;
                segmentStart = target;
                continue;
            }

            if (labelType != 0)
            {
                return Fail(DnsParseError.ReservedLabelType);
            }

            // The two type bits are 00, so lengthOctet is at most 63 here (RFC 1035 §2.3.4). The root octet counts too.
            if (length + 1 + lengthOctet > DnsProtocolLimits.MaxNameLength)
            {
                return Fail(DnsParseError.NameTooLong);
            }

            if (lengthOctet == 0)
            {
                position++;
                break;
            }

            if (position + 1 + lengthOctet > _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            _message.Slice(position, 1 + lengthOctet).CopyTo(labels[length..]);
            length += 1 + lengthOctet;
            position += 1 + lengthOctet;
        }

        _position = resumeAt >= 0 ? resumeAt : position;
        return true;
    }
}

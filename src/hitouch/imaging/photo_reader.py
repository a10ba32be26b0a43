"""The photo decoder the front ends pass to the photo import: Qt's image codecs (QtGui's
QImageReader), which need no window and no QApplication, so the command line uses it too.

Only QtGui and QtCore here; the import decides what may be decoded (services/importing/photos.py).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QImageWriter, QPainter

from hitouch.interop.qr.codes import GreyPixels
from hitouch.services.importing.photos import Picture, UnreadablePhoto

_KINDS = {"jpeg": b"jpeg", "png": b"png", "heic": b"heic"}
JPEG_QUALITY = 85


class QtPhotoReader:
    def formats(self) -> set[str]:
        supported = {bytes(f.data()) for f in QImageReader.supportedImageFormats()}
        return {kind for kind, name in _KINDS.items() if name in supported or (kind == "heic" and b"heif" in supported)}

    def size(self, data: bytes) -> tuple[int, int] | None:
        reader, _buffer = _reader(data)
        size = reader.size()
        if not size.isValid() or size.isEmpty():
            return None
        if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
            return size.height(), size.width()  # the EXIF orientation turns it a quarter
        return size.width(), size.height()

    def read(self, data: bytes, decode_side: int, card_side: int, thumbnail_side: int) -> Picture:
        reader, _buffer = _reader(data)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > decode_side:
            reader.setScaledSize(size.scaled(decode_side, decode_side, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            raise UnreadablePhoto(f"it could not be decoded ({reader.errorString()})")
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        card = _fit(image, card_side)
        return Picture(
            GreyPixels(bytes(grey.constBits()), grey.width(), grey.height(), grey.bytesPerLine()),
            _jpeg(card),
            card.width(),
            card.height(),
            _jpeg(_fit(card, thumbnail_side)),
        )


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A reader on the bytes (the buffer must outlive it), turned as the photo's EXIF says."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    return reader, buffer


def _fit(image: QImage, side: int) -> QImage:
    if max(image.width(), image.height()) <= side:
        return image
    return image.scaled(
        QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _jpeg(image: QImage) -> bytes:
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.hasAlphaChannel():  # a PNG with transparency: on white, as it would be printed
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(JPEG_QUALITY)
    writer.write(image)
    buffer.close()
    return bytes(out.data())
